package dev.layerfit.aws;

import dev.layerfit.error.BadInputException;
import dev.layerfit.text.TerminalText;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * The Lambda API's own constraints on names layerfit sends, checked before any call, so a malformed value is refused
 * locally in a sentence (exit 2) rather than sent to AWS. Facts from the Lambda API reference
 * (PublishLayerVersion: LayerName pattern and 1–140 characters, Description at most 256 characters,
 * CompatibleRuntimes from the Runtime enum) and the region names of the AWS partitions.
 */
public final class LambdaInputs {

    /** PublishLayerVersion's LayerName pattern, name form (an ARN is not accepted where layerfit wants a name). */
    private static final Pattern LAYER_NAME = Pattern.compile("[a-zA-Z0-9_-]{1,140}");
    /** Region names: us-east-1, eu-central-2, us-gov-west-1, cn-north-1, us-isob-east-1, ap-southeast-7 ... */
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d{1,2}");
    /** PublishLayerVersion's Description limit. */
    public static final int MAX_DESCRIPTION = 256;

    private LambdaInputs() {
    }

    /** {@code name} if it is a valid layer name, else a clear error naming {@code flag}. */
    public static String layerName(String name, String flag) {
        if (name == null || !LAYER_NAME.matcher(name).matches()) {
            throw new BadInputException(flag + " '" + TerminalText.echo(String.valueOf(name))
                    + "' is not a valid layer name; use 1 to 140 letters, digits, '-' or '_'");
        }
        return name;
    }

    /** {@code region} if it has the form of an AWS region name. */
    public static String region(String region) {
        if (region == null || !REGION.matcher(region).matches()) {
            throw new BadInputException("--region '" + TerminalText.echo(String.valueOf(region))
                    + "' is not an AWS region name; give one like eu-west-1");
        }
        return region;
    }

    /** {@code runtime} if Lambda knows it (the SDK's Runtime enum, which lists every identifier, deprecated ones too). */
    public static String runtime(String runtime) {
        if (runtime == null || Runtime.fromValue(runtime) == Runtime.UNKNOWN_TO_SDK_VERSION) {
            throw new BadInputException("--runtime '" + TerminalText.echo(String.valueOf(runtime))
                    + "' is not a Lambda runtime; use one like python3.12, nodejs20.x or provided.al2023");
        }
        return runtime;
    }

    /** {@code description} if Lambda accepts its length. */
    public static String description(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new BadInputException("--description is " + description.length() + " characters; Lambda accepts at most "
                    + MAX_DESCRIPTION + ", so shorten it");
        }
        return description;
    }
}
