package dev.layerfit.aws;

import java.nio.file.Path;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Puts a layer zip into S3 (s3:PutObject) so that Lambda can publish it from there: the way past the 50 MiB inline cap. */
public final class S3Uploader {

    private final S3Client s3;

    public S3Uploader(S3Client s3) {
        this.s3 = s3;
    }

    /** Uploads {@code zip} to {@code s3://bucket/key}. */
    public LayerContent.S3Object upload(Path zip, String bucket, String key) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType("application/zip"), RequestBody.fromFile(zip));
            return new LayerContent.S3Object(bucket, key);
        } catch (SdkException e) {
            throw AwsErrors.translate(e, "s3:PutObject", "s3://" + bucket + "/" + key);
        }
    }
}
