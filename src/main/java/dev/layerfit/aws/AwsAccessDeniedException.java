package dev.layerfit.aws;

/** AWS refused an action for lack of permission; the message names the IAM action to grant. */
public final class AwsAccessDeniedException extends AwsException {
    public AwsAccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }
}
