package dev.layerfit.project.chalice;

import java.util.List;
import java.util.Map;

/**
 * One level of a Chalice config that can hold layer settings: the top level, a stage, or a
 * {@code lambda_functions.<name>} entry (at top level or in a stage). Fields are null when the level does not set
 * them (an explicit JSON {@code null} counts as not set, as in Chalice).
 *
 * @param path the JSON path of this object ({@code ""} for the top level, {@code stages.prod},
 *     {@code stages.prod.lambda_functions.worker})
 * @param line the line the object starts on
 * @param layers the {@code layers} list, or null
 * @param automaticLayer the {@code automatic_layer} flag, or null
 * @param lambdaFunctions the {@code lambda_functions} entries by function name (empty inside a function entry)
 */
public record ConfigScope(String path, int line, Located<List<String>> layers, Located<Boolean> automaticLayer,
        Map<String, ConfigScope> lambdaFunctions) {

    public ConfigScope {
        lambdaFunctions = Map.copyOf(lambdaFunctions);
    }
}
