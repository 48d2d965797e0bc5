package dev.layerfit.inventory;

import dev.layerfit.LayerZip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.LocalIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real layers built in the test from real wheels of the local index (skipped with a message when the
 * index is absent): attribution, categories and exact totals on numpy, google-api-python-client,
 * requests and python-dateutil, and a duplicated requests across two layers.
 */
class InventoryRealWheelsTest {

    private static final String SP = "python/lib/python3.11/site-packages/";

    @TempDir
    static Path dir;

    static Path numpy;
    static Path google;
    static Path requests;
    static Path dateutil;

    @BeforeAll
    static void wheels() {
        LocalIndex index = LocalIndex.require();
        numpy = index.wheel("numpy", "numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64");
        google = index.wheel("google-api-python-client", "google_api_python_client-");
        requests = index.wheel("requests", "requests-");
        dateutil = index.wheel("python-dateutil", "python_dateutil-");
    }

    static Inventory layer(String name, String root, long[] writtenBytes, Path... wheels) throws IOException {
        Path zip = dir.resolve(name);
        try (LayerZip layer = new LayerZip(zip)) {
            for (Path w : wheels) {
                layer.addWheel(w, root);
            }
            writtenBytes[0] = layer.bytes();
        }
        return Inventory.of(new ZipFileContents(zip));
    }

    @Test
    void attributesEveryFileOfRealWheelsAndCountsExactly() throws IOException {
        long[] written = new long[1];
        Inventory inv = layer("fat.zip", SP, written, numpy, google, requests, dateutil);

        assertThat(inv.totalBytes()).isEqualTo(written[0])
                .isEqualTo(inv.files().stream().mapToLong(FileUsage::bytes).sum())
                .isEqualTo(inv.distributions().stream().mapToLong(DistributionUsage::bytes).sum());
        assertThat(inv.distributions()).extracting(DistributionUsage::name)
                .containsExactlyInAnyOrder("google-api-python-client", "numpy", "requests", "python-dateutil");
        assertThat(inv.distributions()).allSatisfy(d -> assertThat(d.attributedBy()).isEqualTo(AttributedBy.RECORD));

        DistributionUsage numpyUsage = inv.distribution("numpy").orElseThrow();
        assertThat(numpyUsage.version()).isEqualTo("1.26.4");
        List<FileUsage> libs = inv.files().stream().filter(f -> f.runtimePath().startsWith("numpy.libs/")).toList();
        assertThat(libs).isNotEmpty().allSatisfy(f -> {
            assertThat(f.distribution()).isSameAs(numpyUsage);
            assertThat(f.category()).isEqualTo(Category.NATIVE);
        });
        assertThat(numpyUsage.bytes(Category.TESTS)).isPositive();
        assertThat(numpyUsage.bytes(Category.NATIVE)).isGreaterThan(libs.stream().mapToLong(FileUsage::bytes).sum());
        assertThat(inv.files()).filteredOn(f -> f.runtimePath().equals("numpy/__init__.py")).singleElement()
                .satisfies(f -> assertThat(f.siteRoot().prefix()).isEqualTo(SP));

        DistributionUsage client = inv.distribution("google-api-python-client").orElseThrow();
        List<FileUsage> documents = inv.files().stream()
                .filter(f -> f.runtimePath().startsWith("googleapiclient/discovery_cache/documents/")).toList();
        assertThat(documents).hasSizeGreaterThan(100).allSatisfy(f -> {
            assertThat(f.category()).isEqualTo(Category.PACKAGE_DATA);
            assertThat(f.distribution()).isSameAs(client);
        });
        assertThat(client.bytes(Category.PACKAGE_DATA)).isGreaterThan(client.bytes() * 9 / 10);
        assertThat(inv.distributions().get(0)).isSameAs(client);
        assertThat(inv.distribution("python-dateutil").orElseThrow().bytes(Category.PACKAGE_DATA)).isPositive();
    }

    @Test
    void requestsInTwoLayersWastesTheCopyThatIsNotImported() throws IOException {
        long[] written = new long[1];
        Inventory first = layer("first.zip", SP, written, requests, dateutil);
        Inventory second = layer("second.zip", "python/", written, requests);
        long requestsBytes = first.distribution("requests").orElseThrow().bytes();
        assertThat(second.distribution("requests").orElseThrow().bytes()).isEqualTo(requestsBytes);

        DuplicateReport report = DuplicateFinder.find(List.of(first, second));

        assertThat(report.distributions()).singleElement().satisfies(d -> {
            assertThat(d.distribution()).isEqualTo("requests");
            assertThat(d.artifacts()).containsExactly("first.zip", "second.zip");
            assertThat(d.used().artifact()).isEqualTo("first.zip");
            assertThat(d.wastedBytes()).isEqualTo(requestsBytes);
        });
        // every file of requests is duplicated, its dist-info included
        assertThat(report.files().wastedBytes()).isEqualTo(requestsBytes);
        assertThat(report.files().paths()).isEqualTo(first.distribution("requests").orElseThrow().files());

        Inventory third = layer("third.zip", SP, written, requests);
        DuplicateDistribution twice = DuplicateFinder.find(List.of(first, second, third)).distributions().get(0);
        assertThat(twice.used().artifact()).isEqualTo("third.zip");
        assertThat(twice.wastedBytes()).isEqualTo(2 * requestsBytes);
    }
}
