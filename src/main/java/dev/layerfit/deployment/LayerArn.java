package dev.layerfit.deployment;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Lambda layer version ARN: {@code arn:PARTITION:lambda:REGION:ACCOUNT:layer:NAME:VERSION}.
 * Layer names are 1–140 of letters, digits, '-' and '_' (Lambda API reference, PublishLayerVersion).
 */
public record LayerArn(String arn, String region, String account, String name, long version) {

    private static final Pattern ARN = Pattern.compile(
            "arn:(aws[a-zA-Z-]*):lambda:([a-z0-9-]+):(\\d{12}):layer:([A-Za-z0-9_-]{1,140}):(\\d{1,18})");

    public static boolean looksLikeLayerArn(String s) {
        return ARN.matcher(s).matches();
    }

    public static Optional<LayerArn> parse(String s) {
        Matcher m = ARN.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new LayerArn(s, m.group(2), m.group(3), m.group(4), Long.parseLong(m.group(5))));
    }

    /** "numpy:3" — short enough for tables. */
    public String shortName() {
        return name + ":" + version;
    }
}
