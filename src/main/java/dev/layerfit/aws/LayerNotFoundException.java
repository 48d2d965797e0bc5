package dev.layerfit.aws;

/** The layer, or the layer version, does not exist (in that account and region). Bad input: exit code 2. */
public final class LayerNotFoundException extends AwsException {
    public LayerNotFoundException(String message, Throwable cause) {
        super(Kind.BAD_INPUT, message, cause);
    }
}
