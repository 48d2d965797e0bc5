package dev.layerfit.aws;

import dev.layerfit.error.LayerfitException;

/**
 * A failure talking to AWS or downloading a layer; the subclass says what went wrong. Messages never hold
 * credentials: they are built from error codes, operation names and ARNs only.
 */
public class AwsException extends LayerfitException {

    /** A network or AWS failure (exit code 3). */
    public AwsException(String message, Throwable cause) {
        super(Kind.NETWORK, message, cause);
    }

    protected AwsException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
