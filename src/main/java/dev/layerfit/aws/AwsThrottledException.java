package dev.layerfit.aws;

/** AWS kept throttling the request after the SDK's retries with backoff. */
public final class AwsThrottledException extends AwsException {
    public AwsThrottledException(String message, Throwable cause) {
        super(message, cause);
    }
}
