package dev.layerfit.aws;

/** A layer's zip could not be downloaded (connection lost, a short body, an HTTP error). Exit code 3. */
public final class ArtifactDownloadException extends AwsException {
    public ArtifactDownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
