package dev.layerfit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.archive.ZipIndex;
import dev.layerfit.audit.AccountAudit;
import dev.layerfit.audit.AuditResult;
import dev.layerfit.audit.AuditRow;
import dev.layerfit.check.CheckOptions;
import dev.layerfit.check.DeploymentCheck;
import dev.layerfit.check.DeploymentResult;
import dev.layerfit.check.RemoteOpener;
import dev.layerfit.project.deployed.DeployedFunctions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Deployed functions and {@code audit} against a real moto server: functions in two regions share layers; their
 * code and layers are measured through the loopback download seam (moto's Location cannot be downloaded). Each
 * layer version is read once however many functions use it, and the bytes equal the local zips'.
 */
@ExtendWith(MotoServerExtension.class)
class DeployedFunctionsMotoTest {

    @TempDir
    Path dir;

    /** Zips served by the loopback seam, by the ARN Lambda reports (a layer version's or a function's). */
    private final Map<String, byte[]> zips = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> opens = new ConcurrentHashMap<>();
    private final List<LoopbackZipServer> servers = new ArrayList<>();

    private ArtifactFetcher fetcher() {
        return v -> {
            opens.computeIfAbsent(v.layerVersionArn(), k -> new AtomicInteger()).incrementAndGet();
            LoopbackZipServer s = LoopbackZipServer.withRanges(zips.get(v.layerVersionArn()));
            synchronized (servers) {
                servers.add(s);
            }
            return s.fetcher().open(v);
        };
    }

    @Test
    void auditMeasuresEveryFunctionAndEachSharedLayerOnce(MotoServer moto) throws Exception {
        moto.reset();
        Path code = zip(dir.resolve("code.zip"), "app.py", "def handler(e, c):\n    return 1\n".repeat(40));
        Map<String, Long> expected = new ConcurrentHashMap<>();
        int perRegion = 5;
        for (String region : List.of("us-east-1", "eu-west-1")) {
            // distinct content per region (the tail cache is keyed by CodeSha256: equal zips would be read once)
            Path numpy = LayerZips.small(dir, "numpy-" + region);
            Path utils = LayerZips.small(dir, "utils-with-a-longer-marker-" + region);
            String role = createRole(moto, region);
            try (LambdaClient lambda = AwsClients.of(moto.settings(region)).lambda()) {
                SdkLayerStore store = new SdkLayerStore(lambda);
                String numpyArn = store.publish("numpy", "", List.of(), List.of(), new LayerContent.Inline(numpy)).layerVersionArn();
                String utilsArn = store.publish("utils", "", List.of(), List.of(), new LayerContent.Inline(utils)).layerVersionArn();
                zips.put(numpyArn, Files.readAllBytes(numpy));
                zips.put(utilsArn, Files.readAllBytes(utils));
                for (int i = 0; i < perRegion; i++) {
                    List<String> layers = i % 2 == 0 ? List.of(numpyArn, utilsArn) : List.of(numpyArn);
                    String fn = "fn" + i;
                    String arn = lambda.createFunction(b -> b.functionName(fn).runtime("python3.12").role(role)
                            .handler("app.handler").layers(layers)
                            .code(c -> c.zipFile(SdkBytes.fromByteArray(read(code))))).functionArn();
                    zips.put(arn, read(code));
                    expected.put(region + "/fn" + i, unzipped(code) + unzipped(numpy) + (i % 2 == 0 ? unzipped(utils) : 0));
                }
            }
        }
        Map<String, LambdaClient> clients = new ConcurrentHashMap<>();
        Map<String, RemoteLayers> remotes = new ConcurrentHashMap<>();
        RemoteIndexCache cache = new RemoteIndexCache(dir.resolve("cache"));
        java.util.function.Function<String, LambdaClient> client = r -> clients.computeIfAbsent(r,
                x -> AwsClients.of(moto.settings(x)).lambda());
        RemoteOpener remote = arn -> remotes.computeIfAbsent(arn.split(":")[3], r -> new RemoteLayers(
                new SdkLayerStore(client.apply(r)), new SdkFunctionStore(client.apply(r), r), fetcher(), cache, false))
                .open(arn);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            AuditResult result = new AccountAudit(r -> new SdkFunctionStore(client.apply(r), r), remote, pool)
                    .run(List.of("us-east-1", "eu-west-1"), n -> () -> { });

            assertThat(result.rows()).hasSize(2 * perRegion);
            assertThat(result.regionErrors()).isEmpty();
            for (AuditRow row : result.rows()) {
                assertThat(row.error()).as(row.function()).isNull();
                assertThat(row.unzippedBytes()).as(row.region() + "/" + row.function())
                        .isEqualTo(expected.get(row.region() + "/" + row.function()));
                assertThat(row.runtime()).isEqualTo("python3.12");
                assertThat(row.fits()).isTrue();
            }
            // fullest first: the functions with both layers lead
            assertThat(result.rows().get(0).layerCount()).isEqualTo(2);
            assertThat(result.layerVersions()).isEqualTo(4);
            // each layer version and each function's code opened exactly once
            long layerOpens = opens.entrySet().stream().filter(e -> e.getKey().contains(":layer:"))
                    .mapToInt(e -> e.getValue().get()).sum();
            assertThat(layerOpens).isEqualTo(4);
            assertThat(opens.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));

            // a second audit reads the tails from the cache: nothing is opened again
            opens.clear();
            new AccountAudit(r -> new SdkFunctionStore(client.apply(r), r), remote, pool)
                    .run(List.of("us-east-1", "eu-west-1"), n -> () -> { });
            assertThat(opens).isEmpty();
        } finally {
            pool.shutdownNow();
            clients.values().forEach(LambdaClient::close);
            servers.forEach(LoopbackZipServer::close);
        }
    }

    @Test
    void oneDeployedFunctionIsCheckedLikeAnyDeployment(MotoServer moto) throws Exception {
        moto.reset();
        String role = createRole(moto, "us-east-1");
        Path layer = LayerZips.small(dir, "one");
        Path code = zip(dir.resolve("code.zip"), "app.py", "x = 1\n".repeat(100));
        try (LambdaClient lambda = AwsClients.of(moto.settings("us-east-1")).lambda()) {
            String layerArn = new SdkLayerStore(lambda).publish("one", "", List.of(), List.of(),
                    new LayerContent.Inline(layer)).layerVersionArn();
            zips.put(layerArn, Files.readAllBytes(layer));
            String arn = lambda.createFunction(b -> b.functionName("api").runtime("python3.11").role(role)
                    .handler("app.h").layers(layerArn).architecturesWithStrings("arm64")
                    .code(c -> c.zipFile(SdkBytes.fromByteArray(read(code))))).functionArn();
            zips.put(arn, read(code));
            SdkFunctionStore functions = new SdkFunctionStore(lambda, "us-east-1");
            DeployedFunction f = functions.get(arn);
            assertThat(f.layers()).containsExactly(layerArn);
            assertThat(f.architectures()).containsExactly("arm64");
            RemoteLayers remote = new RemoteLayers(new SdkLayerStore(lambda), functions, fetcher(), null, false);
            DeploymentResult r = DeploymentCheck.run(DeployedFunctions.toDeployment("deployed function " + arn, List.of(f)),
                    new CheckOptions(remote::open, null));
            var result = r.single();
            assertThat(result).isNotNull();
            assertThat(result.function().architecture().lambdaName()).isEqualTo("arm64");
            assertThat(result.artifacts()).extracting(a -> a.ref()).containsExactly(layerArn, arn);
            assertThat(result.verdict().totalUnzippedBytes()).isEqualTo(unzipped(layer) + unzipped(code));
            // a deployed function is already uploaded: no direct-upload limit applies
            assertThat(result.verdict().checks()).noneMatch(c -> c.name().equals("zipped-direct-upload"));
        } finally {
            servers.forEach(LoopbackZipServer::close);
        }
    }

    /** moto checks that the function's role exists. */
    private static String createRole(MotoServer moto, String region) {
        return moto.createRole("lambda-" + region);
    }

    private static Path zip(Path file, String name, String text) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            ZipEntry e = new ZipEntry(name);
            e.setTime(315532800000L);
            out.putNextEntry(e);
            out.write(text.getBytes());
            out.closeEntry();
        }
        return file;
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long unzipped(Path zip) throws IOException {
        try (ZipIndex z = ZipIndex.open(zip)) {
            return z.unzippedBytes();
        }
    }

}
