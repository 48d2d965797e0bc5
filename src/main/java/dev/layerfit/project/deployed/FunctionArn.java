package dev.layerfit.project.deployed;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda function ARN, {@code arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]}. Function names are
 * 1–64 letters, digits, '-' and '_' (Lambda API reference, CreateFunction).
 */
public record FunctionArn(String arn, String region, String account, String name, String qualifier) {

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):lambda:([a-z0-9-]+):(\\d{12}):function:([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9_$-]{1,128}))?");

    public static Optional<FunctionArn> parse(String s) {
        Matcher m = ARN.matcher(s);
        return m.matches() ? Optional.of(new FunctionArn(s, m.group(2), m.group(3), m.group(4), m.group(5)))
                : Optional.empty();
    }

    public static boolean looksLikeFunctionArn(String s) {
        return s.startsWith("arn:") && s.contains(":function:");
    }
}
