package dev.layerfit.aws;

/** {@code --offline} was given but the answer needs the network. Exit code 2. */
public final class OfflineException extends AwsException {
    public OfflineException(String message) {
        super(Kind.BAD_INPUT, message, null);
    }
}
