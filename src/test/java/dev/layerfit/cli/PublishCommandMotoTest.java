package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.aws.AwsClients;
import dev.layerfit.aws.FakeAwsProfile;
import dev.layerfit.aws.MotoServer;
import dev.layerfit.aws.MotoServerExtension;
import dev.layerfit.aws.SdkLayerStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** {@code layerfit publish} end to end: CLI → real SDK → moto. */
@ExtendWith(MotoServerExtension.class)
class PublishCommandMotoTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REGION = "ap-northeast-2";

    @TempDir
    Path dir;

    static String[] aws(MotoServer moto, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--profile", FakeAwsProfile.install(), "--region", REGION, "--endpoint-url", moto.uri().toString()));
        return all.toArray(String[]::new);
    }

    static Path zip(Path dir, String marker) throws IOException {
        Path zip = dir.resolve(marker + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("python/numpy_stub/__init__.py"));
            out.write(("X = '" + marker + "'\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return zip;
    }

    static String resource(String name) throws IOException {
        try (InputStream in = PublishCommandMotoTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static long versionCount(MotoServer moto, String name) {
        try (LambdaClient lambda = AwsClients.of(moto.settings(REGION)).lambda()) {
            return new SdkLayerStore(lambda).listVersions(name).size();
        }
    }

    @Test
    void publishingTheSameZipTwiceCreatesOneVersion(MotoServer moto) throws Exception {
        Path zip = zip(dir, "a");
        CliRun first = CliRun.of(aws(moto, "publish", zip.toString(), "--name", "numpy", "--runtime", "python3.12",
                "--arch", "arm64", "--json"));
        CliRun second = CliRun.of(aws(moto, "publish", zip.toString(), "--name", "numpy", "--runtime", "python3.12",
                "--arch", "arm64", "--json"));

        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode a = JSON.readTree(first.out());
        JsonNode b = JSON.readTree(second.out());
        assertThat(a.get("skipped").asBoolean()).isFalse();
        assertThat(a.get("version").asLong()).isEqualTo(1);
        assertThat(a.get("layerVersionArn").asText()).isEqualTo("arn:aws:lambda:ap-northeast-2:123456789012:layer:numpy:1");
        assertThat(a.get("codeSha256").asText()).hasSize(44);
        assertThat(b.get("skipped").asBoolean()).isTrue();
        assertThat(b.get("layerVersionArn").asText()).isEqualTo(a.get("layerVersionArn").asText());
        assertThat(versionCount(moto, "numpy")).isEqualTo(1);
    }

    @Test
    void updateConfigChangesExactlyOneLineOfTheSeedConfig(MotoServer moto) throws Exception {
        Path config = dir.resolve(".chalice/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, resource("seed-config.json"));
        Files.writeString(dir.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='shuking-backend')\n");

        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "n").toString(), "--name", "shuking-numpy-layer",
                "--update-config", config.toString(), "--stage", "prod"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(config)).isEqualTo(resource("seed-config.after-publish.json"));
        assertThat(run.out()).contains("Published shuking-numpy-layer version 1")
                .contains("-6:     \"arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy-layer:3\",")
                .contains("+6:     \"arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy-layer:1\",");
        try (var files = Files.list(config.getParent())) {
            assertThat(files).containsExactly(config);
        }

        // check then reports the new layer version (the others mapped to small local zips)
        String newArn = "arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy-layer:1";
        List<String> args = new java.util.ArrayList<>(List.of("check", dir.toString(), "--stage", "prod", "--offline",
                "--json", "--managed-layer", zip(dir, "managed").toString(), "--layer", newArn + "=" + zip(dir, "n")));
        for (String other : List.of("shuking-ai-layer:5", "shuking-db-layer:2", "shuking-utils-layer:4")) {
            args.addAll(List.of("--layer", "arn:aws:lambda:ap-northeast-2:123456789012:layer:" + other + "="
                    + zip(dir, other.replace(':', '-'))));
        }
        CliRun check = CliRun.of(args.toArray(String[]::new));
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(JSON.readTree(check.out()).get("artifacts").findValuesAsText("ref")).contains(newArn)
                .doesNotContain("arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy-layer:3");
    }

    @Test
    void dryRunPublishesNothingAndWritesNothing(MotoServer moto) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, resource("seed-config.json"));
        CliRun.of(aws(moto, "publish", zip(dir, "v1").toString(), "--name", "shuking-numpy-layer"));

        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "v2").toString(), "--name", "shuking-numpy-layer",
                "--update-config", config.toString(), "--stage", "dev", "--dry-run"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Would publish").contains("version 2")
                .contains("+6:     \"arn:aws:lambda:ap-northeast-2:123456789012:layer:shuking-numpy-layer:2\",")
                .contains("dry run");
        assertThat(versionCount(moto, "shuking-numpy-layer")).isEqualTo(1);
        assertThat(Files.readString(config)).isEqualTo(resource("seed-config.json"));
    }

    @Test
    void aDryRunOfAFirstVersionShowsTheDiffWithTheArnOfThisRegionAndAccount(MotoServer moto) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, resource("seed-config.json"));

        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "first").toString(), "--name", "brand-new",
                "--replace", "shuking-numpy-layer", "--update-config", config.toString(), "--stage", "dev", "--dry-run"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        // moto's account is 123456789012 (what STS GetCallerIdentity answers for its credentials)
        assertThat(run.out()).contains("version 1")
                .contains("+6:     \"arn:aws:lambda:ap-northeast-2:123456789012:layer:brand-new:1\",");
        assertThat(Files.readString(config)).isEqualTo(resource("seed-config.json"));
    }

    @Test
    void aConfigWithoutTheLayerIsRefusedWithoutAMadeUpArn(MotoServer moto) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, resource("seed-config.json"));

        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "a").toString(), "--name", "not-listed",
                "--update-config", config.toString(), "--stage", "dev"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("holds no ARN of layer 'not-listed'").contains("the new version's ARN")
                .doesNotContain("000000000000").doesNotContain("us-east-1");
        assertThat(versionCount(moto, "not-listed")).isZero();
    }

    @Test
    void aSymlinkedConfigIsEditedThroughTheLinkWhichStaysALink(MotoServer moto) throws Exception {
        Path real = dir.resolve("shared/config.json");
        Files.createDirectories(real.getParent());
        Files.writeString(real, resource("seed-config.json"));
        Path config = dir.resolve(".chalice/config.json");
        Files.createDirectories(config.getParent());
        Files.createSymbolicLink(config, Path.of("../shared/config.json"));

        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "n").toString(), "--name", "shuking-numpy-layer",
                "--update-config", config.toString(), "--stage", "prod"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.isSymbolicLink(config)).as("the link was replaced by a file").isTrue();
        assertThat(Files.readString(real)).isEqualTo(resource("seed-config.after-publish.json"));
    }

    @Test
    void aReadOnlyConfigStopsBeforeAnythingIsPublished(MotoServer moto) throws Exception {
        Path config = dir.resolve(".chalice/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, resource("seed-config.json"));
        Files.setPosixFilePermissions(config, java.nio.file.attribute.PosixFilePermissions.fromString("r--r--r--"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(config), "running as root: permissions are not enforced");

        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "n").toString(), "--name", "ro-layer", "--replace",
                "shuking-numpy-layer", "--update-config", config.toString(), "--stage", "prod"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("cannot be written");
        assertThat(versionCount(moto, "ro-layer")).isZero();
        assertThat(Files.readString(config)).isEqualTo(resource("seed-config.json"));
    }

    /** The same check where root runs the tests: an immutable file (chattr +i) refuses writes even to root. */
    @Test
    void anImmutableConfigStopsBeforeAnythingIsPublished(MotoServer moto) throws Exception {
        Path config = dir.resolve(".chalice/config.json");
        Files.createDirectories(config.getParent());
        Files.writeString(config, resource("seed-config.json"));
        org.junit.jupiter.api.Assumptions.assumeTrue(chattr("+i", config),
                "chattr +i is not available here (needs root and a file system with the immutable flag)");
        try {
            CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "n").toString(), "--name", "immutable-layer", "--replace",
                    "shuking-numpy-layer", "--update-config", config.toString(), "--stage", "prod"));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("cannot be written");
            assertThat(versionCount(moto, "immutable-layer")).isZero();
            assertThat(Files.readString(config)).isEqualTo(resource("seed-config.json"));
        } finally {
            chattr("-i", config);
        }
    }

    private static boolean chattr(String flag, Path file) throws Exception {
        try {
            Process p = new ProcessBuilder("chattr", flag, file.toString()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void aConfigThatIsNotJsonStopsBeforeAnythingIsPublished(MotoServer moto) throws Exception {
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\n  \"app_name\": \"x\",\n  \"layers\": [\n}\n");
        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "a").toString(), "--name", "numpy",
                "--update-config", config.toString(), "--stage", "dev"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("layerfit: " + config + ":").contains("fix the JSON");
        assertThat(versionCount(moto, "numpy")).isZero();
    }

    @Test
    void missingCredentialsSayHowToConfigureThem(MotoServer moto) throws Exception {
        FakeAwsProfile.install();
        CliRun run = CliRun.of("publish", zip(dir, "a").toString(), "--name", "numpy", "--profile", "no-such-profile",
                "--region", REGION, "--endpoint-url", moto.uri().toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("no AWS credentials").contains("aws configure").contains("--profile");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void offlineRefusesToPublish(MotoServer moto) throws Exception {
        CliRun run = CliRun.of(aws(moto, "publish", zip(dir, "a").toString(), "--name", "numpy", "--offline"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--offline").contains("publish needs the AWS API");
        assertThat(versionCount(moto, "numpy")).isZero();
    }

    @Test
    void aFileThatIsNotAZipIsBadInput(MotoServer moto) throws Exception {
        Path notZip = Files.writeString(dir.resolve("layer.zip"), "hello");
        CliRun run = CliRun.of(aws(moto, "publish", notZip.toString(), "--name", "numpy"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("not a zip");
    }

    @Test
    void s3BucketUploadsThroughS3(MotoServer moto) throws Exception {
        try (var s3 = AwsClients.of(moto.settings(REGION)).s3()) {
            s3.createBucket(b -> b.bucket("layer-uploads")
                    .createBucketConfiguration(c -> c.locationConstraint(REGION)));
            Path zip = zip(dir, "s3");
            CliRun run = CliRun.of(aws(moto, "publish", zip.toString(), "--name", "vias3", "--s3-bucket", "layer-uploads",
                    "--json"));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(JSON.readTree(run.out()).get("version").asLong()).isEqualTo(1);
            assertThat(s3.listObjectsV2(b -> b.bucket("layer-uploads")).contents())
                    .extracting(o -> o.key()).singleElement().asString().startsWith("layerfit/vias3/").endsWith(".zip");
        }
    }
}
