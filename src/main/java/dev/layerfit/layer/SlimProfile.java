package dev.layerfit.layer;

import dev.layerfit.error.BadInputException;
import java.util.Locale;

/**
 * How hard {@link Slimmer} trims a layer. {@code none}: only the package rules asked for ({@code --exclude},
 * {@code --keep-discovery}). {@code safe}: also bytecode not for the target Python, unimported test packages,
 * type stubs, docs/examples folders. {@code aggressive}: safe, plus debug symbols stripped from native libraries
 * outside {@code *.libs/}, and boto3/botocore/s3transfer/jmespath left out (the Lambda runtime ships them).
 */
public enum SlimProfile {
    NONE, SAFE, AGGRESSIVE;

    /** From {@code --slim none|safe|aggressive}. */
    public static SlimProfile parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new BadInputException("unknown slim profile '" + text + "'; use --slim none, safe or aggressive");
        }
    }

    boolean atLeast(SlimProfile other) {
        return compareTo(other) >= 0;
    }
}
