package dev.layerfit.aws;

/** No AWS credentials (or no region) could be found by the standard chain or the named profile. */
public final class AwsCredentialsException extends AwsException {
    public AwsCredentialsException(String message, Throwable cause) {
        super(message, cause);
    }
}
