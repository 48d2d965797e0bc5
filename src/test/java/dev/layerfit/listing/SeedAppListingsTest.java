package dev.layerfit.listing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.layerfit.archive.ZipIndex;
import dev.layerfit.inventory.AttributedBy;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.inventory.Inventory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committed listings of examples/seed-app: they parse and hold what their requirements say. No index needed. */
class SeedAppListingsTest {

    private static final Path APP = Path.of(System.getProperty("layerfit.repo", ".")).resolve("examples/seed-app");
    private static final Pattern DIST_INFO = Pattern.compile("(?:^|/)([A-Za-z0-9_.]+)-([^-/]+)\\.dist-info/METADATA$");
    private static final long LAMBDA_UNZIPPED_LIMIT = 262_144_000L;

    @TempDir
    Path tmp;

    private static Listing listing(String name) {
        return ListingReader.read(APP.resolve("layers/" + name + ".listing"));
    }

    /** The distributions (normalised name-version) an artifact holds, from its .dist-info folders. */
    private static Set<String> distributions(Listing listing) {
        Set<String> found = new TreeSet<>();
        for (ListingEntry e : listing.entries()) {
            Matcher m = DIST_INFO.matcher(e.path());
            if (m.find()) {
                found.add(m.group(1).toLowerCase().replace('_', '-') + "==" + m.group(2));
            }
        }
        return found;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            numpy | numpy==2.2.6
            ai    | google-api-python-client==2.201.0 google-auth==2.59.1 grpcio==1.84.0 protobuf==7.36.2 cryptography==50.0.2
            db    | psycopg2-binary==2.9.13 sqlalchemy==2.1.1
            utils | pydantic==2.13.5 requests==2.34.2 python-dateutil==2.9.0.post0 python-dotenv==1.2.4 pydantic-core==2.46.5
            """)
    void eachHandBuiltLayerHoldsItsRequirementsUnderPython(String layer, String expected) throws IOException {
        Listing listing = listing(layer);
        assertThat(distributions(listing)).containsAll(List.of(expected.split(" ")));
        assertThat(listing.entries()).allSatisfy(e -> assertThat(e.path()).startsWith("python/"));
        assertThat(listing.entries()).noneMatch(e -> e.path().startsWith("python/lib/"));
        assertThat(listing.entries()).as("pip compiled __pycache__ with python3.11")
                .anyMatch(e -> e.path().endsWith(".cpython-311.pyc"));
        assertThat(listing.comments()).anyMatch(c -> c.startsWith("recorded-from: pip install --target python/ -r "
                + "examples/seed-app/layers/" + layer + "/requirements.txt"));
        for (String req : Files.readAllLines(APP.resolve("layers/" + layer + "/requirements.txt"))) {
            if (!req.isBlank() && !req.startsWith("#")) {
                String normalised = req.toLowerCase().replace('_', '-');
                assertThat(distributions(listing)).as(layer + " holds " + req).contains(normalised);
            }
        }
    }

    @Test
    void theManagedLayerIsTheMergedRequirementsInChalicesLayout() {
        Listing managed = listing("managed");
        Set<String> union = new TreeSet<>();
        for (String layer : List.of("numpy", "ai", "db", "utils")) {
            union.addAll(distributions(listing(layer)));
        }
        assertThat(distributions(managed)).isEqualTo(union);
        assertThat(managed.entries()).allSatisfy(e -> {
            assertThat(e.path()).startsWith("python/lib/python3.11/site-packages/");
            assertThat(e.kind()).isEqualTo(ListingEntry.Kind.FILE);
        });
        assertThat(managed.entries()).noneMatch(e -> e.path().startsWith("python/lib/python3.11/site-packages/bin/"));
    }

    @Test
    void togetherTheyExceedLambdasLimitAsTheTeamsDeployDid() {
        long four = 0;
        for (String layer : List.of("numpy", "ai", "db", "utils")) {
            Listing l = listing(layer);
            assertThat(l.unzippedBytes()).as(layer).isLessThan(LAMBDA_UNZIPPED_LIMIT);
            four += l.unzippedBytes();
        }
        long managed = listing("managed").unzippedBytes();
        assertThat(managed).isLessThan(LAMBDA_UNZIPPED_LIMIT);
        assertThat(four + managed).isGreaterThan(2 * LAMBDA_UNZIPPED_LIMIT);
        long discovery = listing("ai").entries().stream()
                .filter(e -> e.path().startsWith("python/googleapiclient/discovery_cache/documents/"))
                .mapToLong(ListingEntry::size).sum();
        assertThat(discovery).as("the discovery documents dominate the AI layer").isGreaterThan(100_000_000L);
    }

    @Test
    void layerfitJsonMapsEveryConfiguredLayerToAListing() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode map = json.readTree(APP.resolve("layerfit.json").toFile());
        JsonNode config = json.readTree(APP.resolve(".chalice/config.json").toFile());
        List<String> arns = new ArrayList<>();
        config.get("layers").forEach(n -> arns.add(n.asText()));
        assertThat(config.get("automatic_layer").asBoolean()).isTrue();
        assertThat(arns).hasSize(4);
        List<String> mapped = new ArrayList<>();
        map.get("layers").fieldNames().forEachRemaining(mapped::add);
        assertThat(mapped).containsExactlyElementsOf(arns);
        map.get("layers").forEach(p -> assertThat(APP.resolve(p.asText())).isRegularFile());
        assertThat(APP.resolve(map.get("managedLayer").asText())).isRegularFile();
    }

    /**
     * The kept RECORD files make the materialized managed layer attribute as the real one: every
     * distribution by its RECORD, with its version, and no pseudo-distribution named after a top-level
     * folder (which is what filler RECORDs gave: "googleapiclient", "grpc", "google" without versions).
     */
    @Test
    void theMaterializedManagedLayerAttributesEveryFileByItsRecord() throws IOException {
        Listing managed = listing("managed");
        Path zip = ListingMaterializer.materialize(APP.resolve("layers/managed.listing"), tmp);
        Inventory inventory;
        try (ZipIndex index = ZipIndex.open(zip)) {
            inventory = Inventory.of(index);
        }
        assertThat(inventory.totalBytes()).isEqualTo(managed.unzippedBytes());
        for (String expected : List.of("google-api-python-client 2.201.0", "numpy 2.2.6", "grpcio 1.84.0",
                "protobuf 7.36.2", "google-auth 2.59.1", "cryptography 50.0.2", "sqlalchemy 2.1.1",
                "psycopg2-binary 2.9.13", "pydantic-core 2.46.5", "googleapis-common-protos")) {
            String name = expected.split(" ")[0];
            DistributionUsage d = inventory.distribution(name).orElseThrow(() -> new AssertionError(name + " missing"));
            assertThat(d.attributedBy()).as(name).isEqualTo(AttributedBy.RECORD);
            assertThat(d.version()).as(name).isNotBlank();
            if (expected.contains(" ")) {
                assertThat(d.version()).as(name).isEqualTo(expected.split(" ")[1]);
            }
        }
        assertThat(inventory.distribution("google-api-python-client").orElseThrow().bytes())
                .as("googleapiclient/ with its discovery documents belongs to google-api-python-client")
                .isGreaterThan(100_000_000L);
        Set<String> all = new TreeSet<>();
        inventory.distributions().forEach(d -> all.add(d.name() + "==" + d.version()));
        assertThat(all).isEqualTo(distributions(managed));
        assertThat(inventory.distributions()).extracting(DistributionUsage::name)
                .doesNotContain("googleapiclient", "grpc", "google", "apiclient");
        assertThat(inventory.distributions()).allSatisfy(d ->
                assertThat(d.attributedBy()).as(d.name()).isEqualTo(AttributedBy.RECORD));
    }

    @Test
    void theCommittedListingsAreVersion2AndKeepTheirMetadataFiles() throws IOException {
        long total = 0;
        for (String layer : List.of("numpy", "ai", "db", "utils", "managed")) {
            Path file = APP.resolve("layers/" + layer + ".listing");
            assertThat(Files.readAllLines(file).get(0)).isEqualTo(Listing.MAGIC);
            Listing l = listing(layer);
            assertThat(l.entries()).filteredOn(e -> e.path().endsWith(".dist-info/RECORD"))
                    .isNotEmpty().allSatisfy(e -> assertThat(e.content()).as(e.path()).isNotNull());
            total += Files.size(file);
        }
        assertThat(total).as("the five listings stay small").isLessThan(3_000_000L);
    }

    @Test
    void aRealListingMaterializesToAZipOfTheSameMeasure() throws IOException {
        Listing utils = listing("utils");
        Path zip = ListingMaterializer.materialize(APP.resolve("layers/utils.listing"), tmp);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.size()).isEqualTo(utils.entries().size());
            assertThat(z.stream().mapToLong(ZipEntry::getSize).sum()).isEqualTo(utils.unzippedBytes());
            long compressed = z.stream().mapToLong(ZipEntry::getCompressedSize).sum();
            assertThat((double) compressed).isCloseTo(utils.compressedBytes(),
                    org.assertj.core.data.Percentage.withPercentage(0.5));
        }
    }
}
