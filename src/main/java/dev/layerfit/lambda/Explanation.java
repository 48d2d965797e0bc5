package dev.layerfit.lambda;

import java.util.List;
import java.util.Map;

/**
 * What an AWS error text means for a deploy and what to do about it.
 *
 * @param error the recognised error
 * @param matchedText the part of the input that is the AWS message
 * @param numbers the numbers read out of the message and derived from them, by camelCase name, in a stable order
 * @param operation the API operation named in the text ({@code UpdateFunctionConfiguration}), or null
 * @param meaning one paragraph: what happened, with this error's numbers
 * @param actions concrete steps, most useful first
 */
public record Explanation(AwsError error, String matchedText, Map<String, Long> numbers, String operation,
        String meaning, List<String> actions) {

    public Explanation {
        numbers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(numbers));
        actions = List.copyOf(actions);
    }
}
