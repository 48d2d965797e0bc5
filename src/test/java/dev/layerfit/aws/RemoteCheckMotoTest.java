package dev.layerfit.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.LayerZip;
import dev.layerfit.LocalIndex;
import dev.layerfit.check.ArtifactAnalysis;
import dev.layerfit.check.ChaliceChecks;
import dev.layerfit.check.CheckResult;
import dev.layerfit.check.DeploymentArtifact;
import dev.layerfit.check.DeploymentCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The promise: {@code check} on a project whose layers exist only in AWS reports the same unzipped
 * bytes as for the local zips, having downloaded under 5% of their zipped bytes. The layers are published to
 * moto through the real SDK; their zips are served from loopback (moto's Location cannot be downloaded).
 */
@ExtendWith(MotoServerExtension.class)
class RemoteCheckMotoTest {

    @TempDir
    Path dir;

    @Test
    void remoteOnlyLayersMeasureLikeTheirLocalZipsFromUnderFivePercentOfTheirBytes(MotoServer moto) throws Exception {
        LocalIndex index = LocalIndex.require();
        Path numpy = dir.resolve("numpy.zip");
        try (LayerZip z = new LayerZip(numpy)) {
            z.addWheel(index.wheel("numpy", "numpy-1.26.4-cp311"), "python/");
        }
        Path web = dir.resolve("web.zip");
        try (LayerZip z = new LayerZip(web)) {
            z.addWheel(index.wheel("grpcio", "grpcio-"), "python/");
            z.addWheel(index.wheel("requests", "requests-"), "python/");
            z.addWheel(index.wheel("six", "six-"), "python/");
        }
        try (LambdaClient lambda = AwsClients.of(moto.settings("us-east-1")).lambda();
                LoopbackZipServer numpyServer = LoopbackZipServer.withRanges(Files.readAllBytes(numpy));
                LoopbackZipServer webServer = LoopbackZipServer.withRanges(Files.readAllBytes(web))) {
            SdkLayerStore store = new SdkLayerStore(lambda);
            String numpyArn = store.publish("numpy", "", List.of(), List.of(), new LayerContent.Inline(numpy)).layerVersionArn();
            String webArn = store.publish("web", "", List.of(), List.of(), new LayerContent.Inline(web)).layerVersionArn();
            Map<String, LoopbackZipServer> servers = Map.of(numpyArn, numpyServer, webArn, webServer);
            ArtifactFetcher fetcher = v -> servers.get(v.layerVersionArn()).fetcher().open(v);
            RemoteLayers remote = new RemoteLayers(store, fetcher, new RemoteIndexCache(dir.resolve("cache")), false);

            Path project = dir.resolve("app");
            Files.createDirectories(project.resolve(".chalice"));
            Files.writeString(project.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='r')\n");
            Files.writeString(project.resolve(".chalice/config.json"), """
                    {"app_name": "r", "layers": ["%s", "%s"], "stages": {"dev": {}}}
                    """.formatted(numpyArn, webArn));

            CheckResult fromAws = ChaliceChecks.first(project, null, null, List.of(), null, null, remote::open);
            CheckResult local = ChaliceChecks.first(project, null, null,
                    List.of(numpyArn + "=" + numpy, webArn + "=" + web), null, null);

            assertThat(fromAws.verdict().totalUnzippedBytes()).isEqualTo(local.verdict().totalUnzippedBytes());
            for (int i = 0; i < local.artifacts().size(); i++) {
                DeploymentArtifact a = fromAws.artifacts().get(i);
                DeploymentArtifact b = local.artifacts().get(i);
                assertThat(a.unzippedBytes()).isEqualTo(b.unzippedBytes());
                assertThat(a.artifact().zippedBytes()).isEqualTo(b.artifact().zippedBytes());
                assertThat(a.inventory().distributions()).isEqualTo(b.inventory().distributions());
            }
            assertThat(fromAws.artifacts().get(0).source()).startsWith("AWS (");
            ArtifactAnalysis analysed = ArtifactAnalysis.of(List.of(numpyArn, web.toString()), remote::open, () -> { });
            assertThat(analysed.artifacts().get(0).ref()).isEqualTo(numpyArn);
            assertThat(analysed.artifacts().get(0).artifact().unzippedBytes()).isEqualTo(local.artifacts().get(0).unzippedBytes());
            assertThat(analysed.artifacts().get(0).inventory().distributions())
                    .isEqualTo(local.artifacts().get(0).inventory().distributions());
            long served = numpyServer.bytesServed.get() + webServer.bytesServed.get();
            long zipped = Files.size(numpy) + Files.size(web);
            assertThat(served).as("bytes downloaded of %d zipped", zipped).isPositive().isLessThan(zipped / 20);

            // a second check of the same content downloads nothing: tails and the entries read are cached by CodeSha256
            CheckResult again = ChaliceChecks.first(project, null, null, List.of(), null, null, remote::open);
            assertThat(again.verdict().totalUnzippedBytes()).isEqualTo(local.verdict().totalUnzippedBytes());
            assertThat(numpyServer.bytesServed.get() + webServer.bytesServed.get()).isEqualTo(served);

            // and --offline answers from that cache alone
            RemoteLayers offline = new RemoteLayers(null, v -> {
                throw new AssertionError("offline must not download");
            }, new RemoteIndexCache(dir.resolve("cache")), true);
            CheckResult fromCache = ChaliceChecks.first(project, null, null, List.of(), null, null, offline::open);
            assertThat(fromCache.artifacts().get(1).inventory().distributions())
                    .isEqualTo(local.artifacts().get(1).inventory().distributions());
        }
    }
}
