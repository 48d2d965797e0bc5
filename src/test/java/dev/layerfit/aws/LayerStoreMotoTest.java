package dev.layerfit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.archive.ZipIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;

/** {@link SdkLayerStore} and {@link LayerPublisher} through the real SDK against moto. */
@ExtendWith(MotoServerExtension.class)
class LayerStoreMotoTest {

    @TempDir
    Path dir;

    @Test
    void publishingTheSameZipTwiceCreatesOneVersion(MotoServer moto) throws Exception {
        Path zip = LayerZips.small(dir, "a");
        AwsClients clients = AwsClients.of(moto.settings("us-east-1"));
        try (LambdaClient lambda = clients.lambda()) {
            SdkLayerStore store = new SdkLayerStore(lambda);
            LayerPublisher publisher = new LayerPublisher(store, null);
            PublishResult first = publisher.execute(publisher.plan(zip, "mylib", List.of("python3.12"), List.of("arm64"),
                    null, null, "0.1.0"));
            PublishResult second = publisher.execute(publisher.plan(zip, "mylib", List.of("python3.12"), List.of("arm64"),
                    null, null, "0.1.0"));

            assertThat(first.skipped()).isFalse();
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.codeSha256()).isEqualTo(ZipFingerprint.of(zip).codeSha256());
            assertThat(second.skipped()).isTrue();
            assertThat(second.layerVersionArn()).isEqualTo(first.layerVersionArn());
            List<LayerVersion> versions = store.listVersions("mylib");
            assertThat(versions).hasSize(1);
            LayerVersion v = store.getLayerVersionByArn(first.layerVersionArn());
            assertThat(v.compatibleRuntimes()).containsExactly("python3.12");
            assertThat(v.compatibleArchitectures()).containsExactly("arm64");
            try (ZipIndex index = ZipIndex.open(zip)) {
                assertThat(v.description()).isEqualTo("layerfit 0.1.0; sha256 " + ZipFingerprint.of(zip).sha256Hex() + "; "
                        + index.entryCount() + " files, " + index.unzippedBytes() + " bytes unzipped");
            }
        }
    }

    @Test
    void aChangedZipIsANewVersionAndDeleteRemovesOne(MotoServer moto) throws Exception {
        AwsClients clients = AwsClients.of(moto.settings("eu-west-1"));
        try (LambdaClient lambda = clients.lambda()) {
            SdkLayerStore store = new SdkLayerStore(lambda);
            LayerPublisher publisher = new LayerPublisher(store, null);
            for (String marker : List.of("a", "b", "c")) {
                publisher.execute(publisher.plan(LayerZips.small(dir, marker), "mylib", List.of(), List.of(), "d", null, "x"));
            }
            assertThat(store.listVersions("mylib")).extracting(LayerVersion::version).containsExactly(3L, 2L, 1L);
            assertThat(store.listLayers()).extracting(LayerVersion::version).containsExactly(3L);
            store.deleteVersion("mylib", 2);
            assertThat(store.listVersions("mylib")).extracting(LayerVersion::version).containsExactly(3L, 1L);
        }
    }

    @Test
    void aMissingVersionIsLayerNotFound(MotoServer moto) {
        try (LambdaClient lambda = AwsClients.of(moto.settings("us-east-1")).lambda()) {
            SdkLayerStore store = new SdkLayerStore(lambda);
            assertThatThrownBy(() -> store.getLayerVersionByArn("arn:aws:lambda:us-east-1:123456789012:layer:nope:4"))
                    .isInstanceOf(LayerNotFoundException.class)
                    .hasMessageContaining("arn:aws:lambda:us-east-1:123456789012:layer:nope:4")
                    .hasMessageContaining("does not exist");
            assertThat(store.listVersions("nope")).isEmpty();
        }
    }

    @Test
    void publishesThroughS3WhenABucketIsGiven(MotoServer moto) throws Exception {
        Path zip = LayerZips.small(dir, "s3");
        AwsClients clients = AwsClients.of(moto.settings("us-east-1"));
        try (LambdaClient lambda = clients.lambda(); S3Client s3 = clients.s3()) {
            s3.createBucket(b -> b.bucket("layers-bucket"));
            LayerPublisher publisher = new LayerPublisher(new SdkLayerStore(lambda), new S3Uploader(s3));
            PublishPlan plan = publisher.plan(zip, "vias3", List.of(), List.of(), null, "layers-bucket", "0.1.0");
            PublishResult result = publisher.execute(plan);

            assertThat(result.skipped()).isFalse();
            assertThat(plan.s3Key()).isEqualTo("layerfit/vias3/" + ZipFingerprint.of(zip).sha256Hex() + ".zip");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("layers-bucket").key(plan.s3Key())).asByteArray())
                    .isEqualTo(Files.readAllBytes(zip));
        }
    }

    @Test
    void aZipOverFiftyMebibytesWithoutABucketFailsBeforeAnyUpload(MotoServer moto) throws Exception {
        Path zip = dir.resolve("big.zip");
        // a real zip just over the limit: one stored entry of random bytes
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            var e = new java.util.zip.ZipEntry("python/blob.bin");
            out.setLevel(0);
            out.putNextEntry(e);
            byte[] chunk = new byte[1 << 20];
            new java.util.Random(7).nextBytes(chunk);
            for (int i = 0; i < 51; i++) {
                out.write(chunk);
            }
            out.closeEntry();
        }
        assertThat(Files.size(zip)).isGreaterThan(52_428_800L);
        try (LambdaClient lambda = AwsClients.of(moto.settings("us-east-1")).lambda()) {
            SdkLayerStore store = new SdkLayerStore(lambda);
            LayerPublisher publisher = new LayerPublisher(store, null);
            assertThatThrownBy(() -> publisher.plan(zip, "big", List.of(), List.of(), null, null, "x"))
                    .isInstanceOf(UploadTooLargeException.class)
                    .hasMessageContaining("52428800-byte limit").hasMessageContaining("--s3-bucket");
            assertThat(store.listVersions("big")).isEmpty();
        }
    }

    @Test
    void remoteLayersMeasureAVersionPublishedToMoto(MotoServer moto) throws Exception {
        Path zip = LayerZips.small(dir, "remote");
        byte[] bytes = Files.readAllBytes(zip);
        try (LambdaClient lambda = AwsClients.of(moto.settings("us-east-1")).lambda();
                LoopbackZipServer server = LoopbackZipServer.withRanges(bytes);
                ZipIndex local = ZipIndex.open(zip)) {
            SdkLayerStore store = new SdkLayerStore(lambda);
            LayerVersion published = store.publish("remote", "", List.of(), List.of(), new LayerContent.Inline(zip));
            RemoteLayers remote = new RemoteLayers(store, server.fetcher(), new RemoteIndexCache(dir.resolve("cache")), false);

            RemoteLayerSize size = remote.measure(published.layerVersionArn());

            assertThat(size.zippedBytes()).isEqualTo(bytes.length);
            assertThat(size.unzippedBytes()).isEqualTo(local.unzippedBytes());
            assertThat(size.codeSha256()).isEqualTo(ZipFingerprint.of(zip).codeSha256());
            assertThat(remote.measure(published.layerVersionArn()).fromCache()).isTrue();
        }
    }
}
