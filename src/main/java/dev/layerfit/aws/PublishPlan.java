package dev.layerfit.aws;

import java.util.List;

/**
 * What {@link LayerPublisher} will do (or did): publish a new version, or skip because the newest version already
 * holds the same zip.
 *
 * @param name          the layer name
 * @param zip           the zip's fingerprint
 * @param description   the description to publish with
 * @param runtimes      compatible runtimes
 * @param architectures compatible architectures
 * @param s3Bucket      the bucket to upload through, or null for an inline upload
 * @param s3Key         the object key used in that bucket, or null
 * @param sameAsLatest  the newest version when it already has this zip's CodeSha256, else null
 * @param latest        the newest version, or null when the layer has none
 */
public record PublishPlan(String name, ZipFingerprint zip, String description, List<String> runtimes,
        List<String> architectures, String s3Bucket, String s3Key, LayerVersion sameAsLatest, LayerVersion latest) {

    public boolean skips() {
        return sameAsLatest != null;
    }
}
