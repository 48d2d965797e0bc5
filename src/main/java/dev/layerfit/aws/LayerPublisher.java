package dev.layerfit.aws;

import dev.layerfit.lambda.Quota;
import java.nio.file.Path;
import java.util.List;

/**
 * Publishes a layer zip unless the newest version already holds it: zip → SHA-256 → compare with the newest
 * version's CodeSha256 → upload (inline, or through S3 above 50 MiB) → PublishLayerVersion.
 */
public final class LayerPublisher {

    private final LayerStore store;
    private final S3Uploader uploader;

    /** @param uploader for {@code --s3-bucket}; may be null when no bucket will be given */
    public LayerPublisher(LayerStore store, S3Uploader uploader) {
        this.store = store;
        this.uploader = uploader;
    }

    /**
     * Decides what to do, with read-only calls (ListLayerVersions, GetLayerVersion).
     *
     * @param description the description, or null for {@link ZipFingerprint#description}
     * @throws UploadTooLargeException when the zip is over 52,428,800 bytes and no bucket is given (nothing is uploaded)
     */
    public PublishPlan plan(Path zip, String name, List<String> runtimes, List<String> architectures, String description,
            String s3Bucket, String toolVersion) {
        ZipFingerprint fp = ZipFingerprint.of(zip);
        long limit = Quota.DIRECT_UPLOAD_ZIPPED.value();
        if (s3Bucket == null && fp.zippedBytes() > limit) {
            throw new UploadTooLargeException(zip + " is " + fp.zippedBytes() + " bytes zipped, over Lambda's " + limit
                    + "-byte limit for a direct upload; pass --s3-bucket BUCKET (a bucket in the same region) to upload "
                    + "it through S3", null);
        }
        List<LayerVersion> versions = store.listVersions(name);
        LayerVersion latest = versions.isEmpty() ? null : store.getLayerVersionByArn(versions.get(0).layerVersionArn());
        LayerVersion same = latest != null && fp.codeSha256().equals(latest.codeSha256()) ? latest : null;
        String key = s3Bucket == null ? null : "layerfit/" + name + "/" + fp.sha256Hex() + ".zip";
        return new PublishPlan(name, fp, description != null ? description : fp.description(toolVersion),
                List.copyOf(runtimes), List.copyOf(architectures), s3Bucket, key, same, latest);
    }

    /** Carries out a plan: uploads to S3 if asked, publishes, or returns the existing version when it skips. */
    public PublishResult execute(PublishPlan plan) {
        if (plan.skips()) {
            LayerVersion v = plan.sameAsLatest();
            return new PublishResult(v.layerVersionArn(), v.version(), v.codeSha256(), true);
        }
        LayerContent content = new LayerContent.Inline(plan.zip().zip());
        if (plan.s3Bucket() != null) {
            if (uploader == null) {
                throw new IllegalStateException("an S3 bucket was planned but no S3 uploader was given");
            }
            content = uploader.upload(plan.zip().zip(), plan.s3Bucket(), plan.s3Key());
        }
        LayerVersion v = store.publish(plan.name(), plan.description(), plan.runtimes(), plan.architectures(), content);
        String sha = v.codeSha256() != null ? v.codeSha256() : plan.zip().codeSha256();
        return new PublishResult(v.layerVersionArn(), v.version(), sha, false);
    }
}
