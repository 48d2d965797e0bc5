package dev.layerfit.inventory;

import static dev.layerfit.inventory.InventoryTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which copy is used and what the others waste, on hand-made artifacts with distinct sizes. */
class DuplicateFinderTest {

    private static final String SP = "python/lib/python3.11/site-packages/";

    private static MapContents withRequests(String label, String root, int size, String version) {
        String distInfo = "requests-" + version + ".dist-info/";
        return new MapContents(label)
                .file(root + "requests/__init__.py", size)
                .file(root + distInfo + "RECORD", record("requests/__init__.py", distInfo + "RECORD"));
    }

    private static long recordSize(String version) {
        return record("requests/__init__.py", "requests-" + version + ".dist-info/RECORD").length();
    }

    @Test
    void laterLayerWinsAtTheSamePath() {
        Inventory first = Inventory.of(withRequests("first.zip", "python/", 1000, "2.31.0"));
        Inventory second = Inventory.of(withRequests("second.zip", "python/", 3000, "2.32.3"));

        DuplicateReport report = DuplicateFinder.find(List.of(first, second));

        assertThat(report.distributions()).hasSize(1);
        DuplicateDistribution requests = report.distributions().get(0);
        assertThat(requests.distribution()).isEqualTo("requests");
        assertThat(requests.artifacts()).containsExactly("first.zip", "second.zip");
        assertThat(requests.versions()).containsExactly("2.31.0", "2.32.3");
        assertThat(requests.used().artifact()).isEqualTo("second.zip");
        assertThat(requests.wastedBytes()).isEqualTo(1000 + recordSize("2.31.0"));
        assertThat(report.wastedBytes()).isEqualTo(requests.wastedBytes());
        // requests/__init__.py is the one runtime path in both (the RECORDs live in differently named folders)
        assertThat(report.files()).isEqualTo(new FileDuplicates(1, 1, 1000));
    }

    @Test
    void sitePackagesIsSearchedBeforePythonWhateverTheLayerOrder() {
        Inventory first = Inventory.of(withRequests("first.zip", SP, 1000, "2.31.0"));
        Inventory second = Inventory.of(withRequests("second.zip", "python/", 3000, "2.31.0"));

        DuplicateDistribution requests = DuplicateFinder.find(List.of(first, second)).distributions().get(0);

        assertThat(requests.used().artifact()).isEqualTo("first.zip");
        assertThat(requests.used().siteRoot().prefix()).isEqualTo(SP);
        assertThat(requests.wastedBytes()).isEqualTo(3000 + recordSize("2.31.0"));
        assertThat(DuplicateFinder.find(List.of(first, second)).files()).isEqualTo(
                new FileDuplicates(2, 2, 3000 + recordSize("2.31.0")));
    }

    @Test
    void functionCodeIsSearchedFirstAndAVendoredFolderCountsAsACopy() {
        Inventory layer = Inventory.of(withRequests("layer.zip", SP, 5000, "2.31.0"));
        Inventory function = Inventory.of(new MapContents("function.zip")
                .file("app.py", 100)
                .file("requests/__init__.py", 700));

        DuplicateReport report = DuplicateFinder.find(List.of(layer, function));

        DuplicateDistribution requests = report.distributions().get(0);
        assertThat(requests.used().artifact()).isEqualTo("function.zip");
        assertThat(requests.used().version()).isNull();
        assertThat(requests.wastedBytes()).isEqualTo(5000 + recordSize("2.31.0"));
        assertThat(report.distributions()).extracting(DuplicateDistribution::distribution).containsExactly("requests");
    }

    @Test
    void nodeVersionedFolderIsSearchedBeforeTheGenericOne() {
        Inventory a = Inventory.of(new MapContents("a.zip")
                .file("nodejs/node20/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.21\"}")
                .file("nodejs/node20/node_modules/lodash/lodash.js", 100));
        Inventory b = Inventory.of(new MapContents("b.zip")
                .file("nodejs/node_modules/lodash/package.json", "{\"name\":\"lodash\",\"version\":\"4.17.20\"}")
                .file("nodejs/node_modules/lodash/lodash.js", 900));

        DuplicateDistribution lodash = DuplicateFinder.find(List.of(a, b)).distributions().get(0);

        assertThat(lodash.ecosystem()).isEqualTo(Ecosystem.NODE);
        assertThat(lodash.used().artifact()).isEqualTo("a.zip");
        assertThat(lodash.wastedBytes()).isEqualTo(b.totalBytes());
    }

    @Test
    void distinctDistributionsFunctionCodeAndOtherEcosystemsAreNotDuplicates() {
        Inventory one = Inventory.of(new MapContents("one.zip").file("app.py", 10).file("six.py", 10));
        Inventory two = Inventory.of(new MapContents("two.zip")
                .file("python/numpy/__init__.py", 10)
                .file("nodejs/node_modules/six/index.js", 10)
                .file("bin/tool", 5));
        Inventory three = Inventory.of(new MapContents("three.zip").file("bin/tool", 7), ArtifactKind.LAYER);

        DuplicateReport report = DuplicateFinder.find(List.of(one, two, three));

        assertThat(report.distributions()).isEmpty();
        assertThat(report.wastedBytes()).isZero();
        assertThat(report.files()).isEqualTo(new FileDuplicates(1, 1, 5));
    }
}
