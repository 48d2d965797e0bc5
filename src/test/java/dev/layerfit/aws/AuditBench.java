package dev.layerfit.aws;

import dev.layerfit.audit.AccountAudit;
import dev.layerfit.audit.AuditResult;
import dev.layerfit.check.RemoteOpener;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * {@code bench/audit.sh}: FUNCTIONS functions in two regions of a moto server (URL given), sharing LAYERS layer
 * versions per region, audited with {@link AccountAudit} at CONCURRENCY; artifacts are served from loopback (moto's
 * Location cannot be downloaded). Prints the audit time of a cold run (empty cache) and a warm one, and how many
 * GetLayerVersion calls and layer downloads each made.
 */
public final class AuditBench {

    public static void main(String[] args) throws Exception {
        URI moto = URI.create(args[0]);
        int functions = Integer.parseInt(args[1]);
        int layersPerRegion = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        Path dir = Files.createTempDirectory("layerfit-audit-bench");
        MotoServer server = new MotoServer(moto);
        server.reset();
        List<String> regions = List.of("us-east-1", "eu-west-1");
        Map<String, byte[]> zips = new ConcurrentHashMap<>();
        long setup = System.nanoTime();
        for (String region : regions) {
            createRole(moto);
            try (LambdaClient lambda = AwsClients.of(server.settings(region)).lambda()) {
                List<String> layers = new ArrayList<>();
                for (int i = 0; i < layersPerRegion; i++) {
                    Path z = LayerZips.small(dir, region + "-" + i);
                    String arn = new SdkLayerStore(lambda).publish("deps" + i, "", List.of(), List.of(),
                            new LayerContent.Inline(z)).layerVersionArn();
                    zips.put(arn, Files.readAllBytes(z));
                    layers.add(arn);
                }
                byte[] code = code();
                for (int i = 0; i < functions / regions.size(); i++) {
                    List<String> mine = List.of(layers.get(i % layers.size()), layers.get((i + 1) % layers.size()));
                    int n = i;
                    String arn = lambda.createFunction(b -> b.functionName("fn" + n).runtime("python3.12")
                            .role("arn:aws:iam::123456789012:role/bench").handler("app.h").layers(mine)
                            .code(c -> c.zipFile(SdkBytes.fromByteArray(code)))).functionArn();
                    zips.put(arn, code);
                }
            }
        }
        System.out.printf("setup: %d functions, %d layer versions in %d regions (%d ms)%n", functions,
                layersPerRegion * regions.size(), regions.size(), (System.nanoTime() - setup) / 1_000_000);
        RemoteIndexCache cache = new RemoteIndexCache(dir.resolve("cache"));
        for (String run : List.of("cold", "warm")) {
            AtomicInteger getLayerVersion = new AtomicInteger();
            AtomicInteger downloads = new AtomicInteger();
            List<LoopbackZipServer> servers = new ArrayList<>();
            ArtifactFetcher fetcher = v -> {
                if (v.layerVersionArn().contains(":layer:")) {
                    downloads.incrementAndGet();
                }
                LoopbackZipServer s = LoopbackZipServer.withRanges(zips.get(v.layerVersionArn()));
                synchronized (servers) {
                    servers.add(s);
                }
                return s.fetcher().open(v);
            };
            Map<String, LambdaClient> clients = new ConcurrentHashMap<>();
            Map<String, RemoteLayers> remotes = new ConcurrentHashMap<>();
            java.util.function.Function<String, LambdaClient> client = r -> clients.computeIfAbsent(r,
                    x -> AwsClients.of(server.settings(x)).lambda());
            RemoteOpener remote = arn -> remotes.computeIfAbsent(arn.split(":")[3], r -> {
                SdkLayerStore layers = new SdkLayerStore(client.apply(r));
                LayerStore counting = new CountingLayerStore(layers, getLayerVersion);
                return new RemoteLayers(counting, new SdkFunctionStore(client.apply(r), r), fetcher, cache, false);
            }).open(arn);
            ExecutorService pool = Executors.newFixedThreadPool(concurrency);
            long start = System.nanoTime();
            AuditResult result = new AccountAudit(r -> new SdkFunctionStore(client.apply(r), r), remote, pool)
                    .run(regions, n -> () -> { });
            long ms = (System.nanoTime() - start) / 1_000_000;
            pool.shutdownNow();
            servers.forEach(LoopbackZipServer::close);
            clients.values().forEach(LambdaClient::close);
            System.out.printf("%s audit: %d functions in %d ms; GetLayerVersion calls: %d; layer zips opened: %d; "
                    + "regions not listed: %d%n", run, result.rows().size(), ms, getLayerVersion.get(), downloads.get(),
                    result.regionErrors().size());
        }
    }

    /** Counts GetLayerVersion calls (one per distinct layer version is the promise). */
    private record CountingLayerStore(LayerStore inner, AtomicInteger calls) implements LayerStore {
        @Override
        public LayerVersion publish(String name, String description, List<String> runtimes, List<String> architectures,
                LayerContent content) {
            return inner.publish(name, description, runtimes, architectures, content);
        }

        @Override
        public LayerVersion getLayerVersionByArn(String arn) {
            calls.incrementAndGet();
            return inner.getLayerVersionByArn(arn);
        }

        @Override
        public List<LayerVersion> listVersions(String name) {
            return inner.listVersions(name);
        }

        @Override
        public List<LayerVersion> listLayers() {
            return inner.listLayers();
        }

        @Override
        public void deleteVersion(String name, long version) {
            inner.deleteVersion(name, version);
        }
    }

    private static byte[] code() throws IOException {
        var buf = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(buf)) {
            ZipEntry e = new ZipEntry("app.py");
            out.putNextEntry(e);
            out.write("def h(e, c):\n    return 1\n".repeat(100).getBytes());
            out.closeEntry();
        }
        return buf.toByteArray();
    }

    private static void createRole(URI moto) throws IOException, InterruptedException {
        String body = "Action=CreateRole&Version=2010-05-08&RoleName=bench&AssumeRolePolicyDocument=%7B%7D";
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(moto.resolve("/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
    }
}
