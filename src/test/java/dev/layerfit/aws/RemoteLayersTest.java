package dev.layerfit.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.MeasuredArtifact;
import dev.layerfit.archive.ZipIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Remote layer sizes from ranged reads of the zip's tail, against real layer zips served on loopback. */
class RemoteLayersTest {

    @TempDir
    static Path shared;
    static Path bigZip;
    static byte[] bigBytes;

    @TempDir
    Path cacheDir;

    @BeforeAll
    static void buildBigLayer() throws Exception {
        bigZip = LayerZips.fromRealWheels(shared);
        bigBytes = Files.readAllBytes(bigZip);
    }

    @Test
    void bigRealLayerIsMeasuredExactlyFromLessThanFivePercentOfItsBytes() throws Exception {
        StubLayerStore store = new StubLayerStore();
        LayerVersion v = store.add("numpy-grpcio", 1, bigZip);
        try (LoopbackZipServer server = LoopbackZipServer.withRanges(bigBytes);
                ZipIndex local = ZipIndex.open(bigZip)) {
            RemoteLayers remote = new RemoteLayers(store, server.fetcher(), new RemoteIndexCache(cacheDir), false);
            RemoteLayerSize size = remote.measure(v.layerVersionArn());

            assertThat(bigBytes.length).isGreaterThan(20_000_000);
            assertThat(size.zippedBytes()).isEqualTo(bigBytes.length);
            assertThat(size.unzippedBytes()).isEqualTo(local.unzippedBytes());
            assertThat(size.entries()).isEqualTo(local.entryCount());
            assertThat(size.fromCache()).isFalse();
            double fraction = server.bytesServed.get() / (double) bigBytes.length;
            System.out.printf("remote measure: %,d of %,d bytes downloaded (%.3f%%) in %d requests%n",
                    server.bytesServed.get(), bigBytes.length, 100 * fraction, server.requests.get());
            assertThat(fraction).isLessThan(0.05);
            assertThat(server.requests.get()).isEqualTo(2);
        }
    }

    @Test
    void secondMeasurementOfTheSameContentDownloadsNothing() throws Exception {
        StubLayerStore store = new StubLayerStore();
        LayerVersion v1 = store.add("numpy-grpcio", 1, bigZip);
        LayerVersion v2 = store.add("numpy-grpcio-copy", 7, bigZip);
        try (LoopbackZipServer server = LoopbackZipServer.withRanges(bigBytes)) {
            RemoteLayers remote = new RemoteLayers(store, server.fetcher(), new RemoteIndexCache(cacheDir), false);
            RemoteLayerSize first = remote.measure(v1.layerVersionArn());
            long afterFirst = server.bytesServed.get();
            RemoteLayerSize second = remote.measure(v2.layerVersionArn());

            assertThat(server.bytesServed.get()).isEqualTo(afterFirst);
            assertThat(second.fromCache()).isTrue();
            assertThat(second.unzippedBytes()).isEqualTo(first.unzippedBytes());
        }
    }

    @Test
    void openGivesEntriesFromTheRemoteDirectoryAndReadsOneEntryByRange() throws Exception {
        StubLayerStore store = new StubLayerStore();
        LayerVersion v = store.add("numpy-grpcio", 1, bigZip);
        String wanted = "python/numpy-1.26.4.dist-info/METADATA";
        try (LoopbackZipServer server = LoopbackZipServer.withRanges(bigBytes);
                ZipIndex local = ZipIndex.open(bigZip);
                MeasuredArtifact remote = new RemoteLayers(store, server.fetcher(), null, false).open(v.layerVersionArn())) {
            assertThat(remote.entries()).extracting(ArchiveEntry::name)
                    .containsExactlyElementsOf(local.entries().stream().map(ArchiveEntry::name).toList());
            long before = server.bytesServed.get();
            assertThat(remote.read(wanted)).isEqualTo(local.read(wanted));
            assertThat(server.bytesServed.get() - before).isLessThan(100_000);
            assertThat(remote.label()).isEqualTo(v.layerVersionArn());
        }
    }

    @Test
    void aServerThatIgnoresRangeFallsBackToOneFullDownload() throws Exception {
        StubLayerStore store = new StubLayerStore();
        LayerVersion v = store.add("numpy-grpcio", 1, bigZip);
        try (LoopbackZipServer server = LoopbackZipServer.ignoringRanges(bigBytes);
                ZipIndex local = ZipIndex.open(bigZip)) {
            RemoteLayerSize size = new RemoteLayers(store, server.fetcher(), null, false).measure(v.layerVersionArn());

            assertThat(size.unzippedBytes()).isEqualTo(local.unzippedBytes());
            assertThat(server.requests.get()).isEqualTo(1);
            assertThat(server.bytesServed.get()).isEqualTo(bigBytes.length);
        }
    }

    static Stream<Arguments> cuts() {
        return Stream.of(Arguments.of(true, 1000L), Arguments.of(false, 5_000_000L));
    }

    @ParameterizedTest(name = "ranges honoured={0}, cut after {1} bytes")
    @MethodSource("cuts")
    void aConnectionLostMidDownloadIsANetworkError(boolean ranges, long cutAfter, @TempDir Path tmp) throws Exception {
        StubLayerStore store = new StubLayerStore();
        LayerVersion v = store.add("numpy-grpcio", 1, bigZip);
        try (LoopbackZipServer server = LoopbackZipServer.cuttingAfter(bigBytes, ranges, cutAfter)) {
            RemoteLayers remote = new RemoteLayers(store, server.fetcher(), new RemoteIndexCache(tmp), false);
            assertThatThrownBy(() -> remote.measure(v.layerVersionArn()))
                    .isInstanceOf(ArtifactDownloadException.class)
                    .hasMessageContaining(v.layerVersionArn())
                    .hasMessageContaining("run again")
                    .satisfies(e -> assertThat(((ArtifactDownloadException) e).kind().exitCode()).isEqualTo(3));
            assertThat(new RemoteIndexCache(tmp).tail(v.codeSha256())).isEmpty();
        }
    }

    @Test
    void offlineAnswersFromTheCacheAndRefusesEverythingElse() throws Exception {
        StubLayerStore store = new StubLayerStore();
        LayerVersion v = store.add("numpy-grpcio", 1, bigZip);
        RemoteIndexCache cache = new RemoteIndexCache(cacheDir);
        ArtifactFetcher noNetwork = x -> {
            throw new AssertionError("offline must not download");
        };
        RemoteLayers offline = new RemoteLayers(null, noNetwork, cache, true);
        assertThatThrownBy(() -> offline.measure(v.layerVersionArn()))
                .isInstanceOf(OfflineException.class).hasMessageContaining("--offline")
                .hasMessageContaining(v.layerVersionArn());

        try (LoopbackZipServer server = LoopbackZipServer.withRanges(bigBytes)) {
            new RemoteLayers(store, server.fetcher(), cache, false).measure(v.layerVersionArn());
        }
        RemoteLayerSize cached = offline.measure(v.layerVersionArn());
        assertThat(cached.fromCache()).isTrue();
        assertThat(cached.zippedBytes()).isEqualTo(bigBytes.length);
        try (MeasuredArtifact a = offline.open(v.layerVersionArn())) {
            assertThatThrownBy(() -> a.read("python/numpy/__init__.py")).isInstanceOf(OfflineException.class);
        }
    }

    @Test
    void aVersionThatDoesNotExistIsBadInput() {
        RemoteLayers remote = new RemoteLayers(new StubLayerStore(), v -> {
            throw new AssertionError("nothing to download");
        }, null, false);
        assertThatThrownBy(() -> remote.measure("arn:aws:lambda:us-east-1:123456789012:layer:nope:1"))
                .isInstanceOf(LayerNotFoundException.class)
                .satisfies(e -> assertThat(((LayerNotFoundException) e).kind().exitCode()).isEqualTo(2));
    }
}
