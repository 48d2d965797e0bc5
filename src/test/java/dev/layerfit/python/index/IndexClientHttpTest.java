package dev.layerfit.python.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.LocalIndex;
import dev.layerfit.error.LayerfitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against a loopback HTTP index serving real wheels from the machine's local index. */
class IndexClientHttpTest {

    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1));

    @TempDir
    Path cache;

    private List<Path> wheels;
    private Path requests;

    @BeforeEach
    void wheels() {
        LocalIndex index = LocalIndex.require();
        requests = index.wheel("requests", "requests-");
        wheels = List.of(index.wheel("six", "six-"), index.wheel("idna", "idna-"), index.wheel("certifi", "certifi-"),
                index.wheel("python-dateutil", "python_dateutil-"), requests);
    }

    private IndexClient client(TestIndexServer server) {
        return IndexClient.create(new IndexOptions(server.simpleUrl().toString(), List.of(), List.of(), false),
                Netrc.empty(), FAST, cache);
    }

    private static CoreMetadata expected(Path wheel) throws IOException {
        return CoreMetadata.parse(new String(TestIndexServer.metadataOf(wheel), StandardCharsets.UTF_8), "expected");
    }

    @Test
    void htmlIndexWithRangesReadsMetadataFromTheWheelTail() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            IndexClient client = client(server);
            List<IndexFile> files = client.files("Requests");
            assertThat(files).singleElement().satisfies(f -> {
                assertThat(f.filename()).isEqualTo(requests.getFileName().toString());
                assertThat(f.sha256()).hasSize(64);
                assertThat(f.requiresPython()).isEqualTo(">=3.7");
                assertThat(f.metadataAvailable()).isFalse();
                assertThat(f.url().getPath()).isEqualTo("/files/" + f.filename());
            });
            assertThat(server.requestsFor("/simple/requests/").get(0).accept()).startsWith(SimplePageParser.JSON_TYPE);

            CoreMetadata m = client.metadata(files.get(0));
            assertThat(m).isEqualTo(expected(requests));
            assertThat(m.requiresDist()).extracting(r -> r.normalizedName()).contains("idna", "urllib3", "certifi");
            List<TestIndexServer.Logged> wheelRequests = server.requestsFor("/files/");
            assertThat(wheelRequests).allSatisfy(l -> {
                assertThat(l.range()).isNotNull();
                assertThat(l.status()).isEqualTo(206);
            });
            assertThat(client.stats().metadataBytes()).isEqualTo(wheelRequests.stream().mapToLong(TestIndexServer.Logged::bodyBytes).sum());

            // a second client with the same cache neither refetches the metadata nor the unchanged page body
            int before = server.log.size();
            IndexClient again = client(server);
            assertThat(again.metadata(again.files("requests").get(0))).isEqualTo(m);
            assertThat(server.log.subList(before, server.log.size())).singleElement()
                    .satisfies(l -> assertThat(l.status()).isEqualTo(304));
        }
    }

    /** The benchmark figure: metadata bytes fetched by ranged reads versus the wheel's size. */
    @Test
    void rangedMetadataOfALargeWheelFetchesUnderFivePercent() throws IOException {
        LocalIndex index = LocalIndex.require();
        List<Path> big = new ArrayList<>(wheels);
        Path numpy = index.wheels("numpy").stream().findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(numpy != null, "SKIPPED: no numpy wheel in the local index");
        big.add(numpy);
        try (TestIndexServer server = TestIndexServer.start(new TestIndexServer.Settings(), big)) {
            IndexClient client = client(server);
            long fetchedTotal = 0;
            long wheelTotal = 0;
            StringBuilder report = new StringBuilder();
            for (Path wheel : big) {
                String project = FindLinksSource.projectOf(wheel.getFileName().toString());
                IndexFile file = client.files(project).stream().filter(f -> f.filename().equals(wheel.getFileName().toString()))
                        .findFirst().orElseThrow();
                long before = client.stats().metadataBytes();
                assertThat(client.metadata(file)).isEqualTo(expected(wheel));
                long fetched = client.stats().metadataBytes() - before;
                long size = Files.size(wheel);
                fetchedTotal += fetched;
                wheelTotal += size;
                report.append(String.format("%s: %d of %d bytes (%.2f%%)%n", wheel.getFileName(), fetched, size, 100.0 * fetched / size));
                if (wheel.equals(numpy)) {
                    assertThat(fetched).as(report.toString()).isLessThan(size / 20);
                }
            }
            report.append(String.format("all: %d of %d bytes (%.2f%%)%n", fetchedTotal, wheelTotal, 100.0 * fetchedTotal / wheelTotal));
            System.out.print(report);
            assertThat(fetchedTotal).as(report.toString()).isLessThan(wheelTotal / 20);
        }
    }

    @Test
    void jsonIndexWithPep658FetchesOnlyTheMetadataFile() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.format = TestIndexServer.Format.JSON;
        s.pep658 = true;
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            IndexClient client = client(server);
            IndexFile file = client.files("requests").get(0);
            assertThat(file.metadataAvailable()).isTrue();
            assertThat(file.metadataSha256()).hasSize(64);
            assertThat(client.metadata(file)).isEqualTo(expected(requests));
            assertThat(server.requestsFor("/files/")).singleElement()
                    .satisfies(l -> assertThat(l.path()).endsWith(".whl.metadata"));
            assertThat(client.stats().metadataBytes()).isEqualTo(TestIndexServer.metadataOf(requests).length);
        }
    }

    @Test
    void aWrongPep658HashIsATypedErrorAndNothingIsCached() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.format = TestIndexServer.Format.NEGOTIATE;
        s.pep658 = true;
        s.wrongMetadataHash = true;
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            IndexClient client = client(server);
            IndexFile file = client.files("six").get(0);
            assertThatThrownBy(() -> client.metadata(file)).isInstanceOf(HashMismatchException.class)
                    .hasMessageContaining(".whl.metadata has sha256");
            assertThat(Files.exists(cache.resolve("metadata"))).isFalse();
        }
    }

    @Test
    void withoutRangeSupportTheWheelIsDownloadedOnceAndReused() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.ranges = false;
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            IndexClient client = client(server);
            IndexFile file = client.files("requests").get(0);
            assertThat(client.metadata(file)).isEqualTo(expected(requests));
            Path local = client.fetchWheel(file);
            assertThat(local).startsWith(cache).hasFileName(file.filename());
            assertThat(Files.readAllBytes(local)).isEqualTo(Files.readAllBytes(requests));
            assertThat(server.requestsFor("/files/")).singleElement().satisfies(l -> assertThat(l.status()).isEqualTo(200));
            assertThat(client.stats().metadataBytes()).isEqualTo(Files.size(requests));
            assertThat(client.stats().wheelBytes()).isZero();
        }
    }

    @Test
    void downloadsAreVerifiedAndConcurrentRequestsFetchOnce() throws Exception {
        try (TestIndexServer server = TestIndexServer.start(new TestIndexServer.Settings(), wheels)) {
            IndexClient client = client(server);
            IndexFile file = client.files("python_dateutil").get(0);
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    futures.add(pool.submit(() -> client.metadata(file)));
                    futures.add(pool.submit(() -> client.download(file)));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
            List<TestIndexServer.Logged> fetched = server.requestsFor("/files/");
            assertThat(fetched.stream().filter(l -> l.range() == null)).hasSize(1);
            assertThat(fetched.stream().filter(l -> l.range() != null && l.range().startsWith("bytes=-"))).hasSize(1);
            assertThat(client.stats().wheelBytes()).isEqualTo(Files.size(wheels.get(3)));
        }
    }

    @Test
    void aTamperedWheelIsRejectedAndLeavesNothingInTheCache() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.wrongWheelHash = true;
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            IndexClient client = client(server);
            IndexFile file = client.files("six").get(0);
            assertThatThrownBy(() -> client.download(file)).isInstanceOf(HashMismatchException.class)
                    .hasMessageContaining("the file was discarded");
            try (Stream<Path> left = Files.walk(cache.resolve("wheels"))) {
                assertThat(left.filter(Files::isRegularFile)).isEmpty();
            }
        }
    }

    @Test
    void basicAuthFromTheUrlOrNetrcAndNeverPrintedInMessages() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.user = "ci";
        s.password = "s3cret-token";
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            IndexClient withUrl = IndexClient.create(new IndexOptions(server.simpleUrlWithCredentials("ci", "s3cret-token").toString(),
                    List.of(), List.of(), false), Netrc.empty(), FAST, cache.resolve("a"));
            IndexFile file = withUrl.files("requests").get(0);
            assertThat(file.toString()).doesNotContain("s3cret-token");
            assertThat(withUrl.metadata(file)).isEqualTo(expected(requests));

            IndexClient withNetrc = IndexClient.create(new IndexOptions(server.simpleUrl().toString(), List.of(), List.of(), false),
                    Netrc.parse("machine 127.0.0.1 login ci password s3cret-token"), FAST, cache.resolve("b"));
            assertThat(withNetrc.metadata(withNetrc.files("idna").get(0)).normalizedName()).isEqualTo("idna");

            IndexClient wrong = IndexClient.create(new IndexOptions(server.simpleUrlWithCredentials("ci", "wrong-pass").toString(),
                    List.of(), List.of(), false), Netrc.empty(), FAST, cache.resolve("c"));
            assertThatThrownBy(() -> wrong.files("six")).isInstanceOf(BadIndexResponseException.class)
                    .hasMessageContaining("HTTP 401").hasMessageContaining("ci:****@127.0.0.1")
                    .hasMessageContaining("~/.netrc").hasMessageNotContaining("wrong-pass");
        }
    }

    @Test
    void retriesServerErrorsThenGivesUpWithANetworkError() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.failuresFirst = 2;
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            IndexClient client = client(server);
            assertThat(client.files("six")).hasSize(1);
            assertThat(server.log).extracting(TestIndexServer.Logged::status).containsExactly(500, 500, 200);

            server.resetFailures(3);
            IndexClient failing = client(server);
            assertThatThrownBy(() -> failing.files("idna"))
                    .isInstanceOfSatisfying(IndexUnavailableException.class,
                            e -> assertThat(e.kind()).isEqualTo(LayerfitException.Kind.NETWORK))
                    .hasMessageContaining("the index host 127.0.0.1 failed 3 times").hasMessageContaining("HTTP 500");
        }
        IndexClient nobody = client(TestIndexServer.start(new TestIndexServer.Settings(), List.of()).closedForTest());
        assertThatThrownBy(() -> nobody.files("six")).isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("127.0.0.1").hasMessageContaining("could not connect");
    }

    @Test
    void anUnreachableIndexIsSkippedWithAWarningWhileAnotherAnswers() throws IOException {
        TestIndexServer closed = TestIndexServer.start(new TestIndexServer.Settings(), List.of()).closedForTest();
        try (TestIndexServer server = TestIndexServer.start(new TestIndexServer.Settings(), wheels)) {
            IndexClient client = IndexClient.create(new IndexOptions(closed.simpleUrl().toString(),
                    List.of(server.simpleUrl().toString()), List.of(), false), Netrc.empty(), FAST, cache);
            assertThat(client.files("six")).hasSize(1);
            assertThat(client.files("idna")).hasSize(1);
            assertThat(client.warnings()).singleElement().asString()
                    .contains("127.0.0.1").contains("skipping that index for the rest of this run");
        }
    }

    @Test
    void garbagePagesAreBadIndexResponses() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.format = TestIndexServer.Format.GARBAGE_TEXT;
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            assertThatThrownBy(() -> client(server).files("six")).isInstanceOf(BadIndexResponseException.class)
                    .hasMessageContaining(server.simpleUrl() + "six/").hasMessageContaining("text/plain");
            s.format = TestIndexServer.Format.GARBAGE_JSON;
            assertThatThrownBy(() -> IndexClient.create(new IndexOptions(server.simpleUrl().toString(), List.of(), List.of(), false),
                    Netrc.empty(), FAST, cache.resolve("j")).files("six"))
                    .isInstanceOf(BadIndexResponseException.class).hasMessageContaining("without a \"files\" list");
        }
    }

    @Test
    void unknownProjectsSuggestTheClosestName() throws IOException {
        TestIndexServer.Settings s = new TestIndexServer.Settings();
        s.format = TestIndexServer.Format.NEGOTIATE;
        try (TestIndexServer server = TestIndexServer.start(s, wheels)) {
            assertThatThrownBy(() -> client(server).files("reqeusts")).isInstanceOfSatisfying(UnknownProjectException.class,
                    e -> assertThat(e.suggestion()).contains("requests"))
                    .hasMessageContaining("did you mean 'requests'?");
            assertThatThrownBy(() -> client(server).files("left-pad")).isInstanceOf(UnknownProjectException.class)
                    .hasMessageContaining("check its name");
        }
    }

    @Test
    void indexesAndFindLinksAreMerged(@TempDir Path folder) throws IOException {
        Path local = Files.copy(wheels.get(0), folder.resolve(wheels.get(0).getFileName()));
        Files.writeString(folder.resolve("six-0.9.tar.gz"), "not really");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        try (TestIndexServer server = TestIndexServer.start(new TestIndexServer.Settings(), wheels)) {
            IndexClient client = IndexClient.create(new IndexOptions(server.simpleUrl().toString(), List.of(), List.of(folder.toString()),
                    false), Netrc.empty(), FAST, cache);
            List<IndexFile> files = client.files("six");
            assertThat(files).extracting(IndexFile::source).containsExactly(server.simpleUrl().toString(), folder.toString(), folder.toString());
            assertThat(files).extracting(IndexFile::filename).containsExactly(local.getFileName().toString(),
                    "six-0.9.tar.gz", local.getFileName().toString());
            assertThat(client.metadata(files.get(2))).isEqualTo(expected(local));
            assertThat(client.download(files.get(2))).isEqualTo(local);
            assertThatThrownBy(() -> client.metadata(files.get(1))).isInstanceOf(MetadataUnavailableException.class)
                    .hasMessageContaining("source distribution");
        }
    }
}
