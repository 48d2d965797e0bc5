package dev.layerfit.lambda;

/**
 * The measured size of one artifact, as AWS counts it.
 *
 * @param label a name for messages (a path or a layer ARN)
 * @param unzippedBytes the sum of the uncompressed sizes in the zip's central directory
 * @param zippedBytes the size of the zip file, or -1 when unknown
 * @param uploadedDirectly true when the zip will be sent inside the API request (ZipFile); only those are held to
 *     the 50 MiB zipped cap (a layer that already exists, or an S3 upload, is not)
 */
public record ArtifactSize(String label, ArtifactRole role, long unzippedBytes, long zippedBytes, boolean uploadedDirectly) {

    public ArtifactSize {
        if (label == null || role == null) {
            throw new IllegalArgumentException("label and role are required");
        }
        if (unzippedBytes < 0) {
            throw new IllegalArgumentException("unzippedBytes must not be negative: " + unzippedBytes);
        }
    }
}
