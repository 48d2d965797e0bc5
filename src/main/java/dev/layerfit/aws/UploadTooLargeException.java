package dev.layerfit.aws;

/** A zip too large to upload inline (over 50 MiB, or a 413 from Lambda); the fix is {@code --s3-bucket}. Exit code 2. */
public final class UploadTooLargeException extends AwsException {
    public UploadTooLargeException(String message, Throwable cause) {
        super(Kind.BAD_INPUT, message, cause);
    }
}
