package dev.layerfit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LayerZip;
import dev.layerfit.LocalIndex;
import dev.layerfit.PythonZipfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {

    @TempDir
    Path tmp;

    private static JsonNode json(CliRun run) throws IOException {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void realLayerTotalEqualsPythonZipfileToTheByte() throws Exception {
        LocalIndex index = LocalIndex.require();
        Path zip = tmp.resolve("layer.zip");
        try (LayerZip z = new LayerZip(zip)) {
            z.addWheel(index.wheel("numpy", "numpy-1.26.4-cp311"), "python/");
            z.addWheel(index.wheel("google-api-python-client", "google_api_python_client-"), "python/");
            z.addWheel(index.wheel("requests", "requests-"), "python/");
        }
        JsonNode a = json(CliRun.of("analyze", zip.toString(), "--json")).get("artifacts").get(0);
        assertThat(a.get("unzippedBytes").asLong()).isEqualTo(PythonZipfile.unzippedBytes(zip));
        assertThat(a.get("zippedBytes").asLong()).isEqualTo(Files.size(zip));
        assertThat(a.get("distributions").findValuesAsText("name"))
                .contains("numpy", "google-api-python-client", "requests");
        JsonNode first = a.get("distributions").get(0);
        assertThat(first.get("name").asText()).isEqualTo("google-api-python-client");
        assertThat(first.get("attributedBy").asText()).isEqualTo("record");
        long categorized = 0;
        for (JsonNode c : a.get("categories")) {
            categorized += c.get("bytes").asLong();
        }
        assertThat(categorized).isEqualTo(a.get("unzippedBytes").asLong());
        assertThat(a.get("categories").findValuesAsText("name")).contains("package-data", "native", "tests", "code");
    }

    @Test
    void severalArtifactsReportWhatTheyDuplicate() throws IOException {
        Path a = tmp.resolve("a.zip");
        Path b = tmp.resolve("b");
        try (LayerZip z = new LayerZip(a)) {
            z.addDistribution("python/", "requests", "2.32.3", Map.of("requests/__init__.py", 5000L));
            z.addDistribution("python/", "six", "1.16.0", Map.of("six.py", 3000L));
        }
        Path site = b.resolve("python/lib/python3.11/site-packages");
        Files.createDirectories(site.resolve("requests"));
        Files.createDirectories(site.resolve("requests-2.31.0.dist-info"));
        Files.writeString(site.resolve("requests/__init__.py"), "x".repeat(4000));
        Files.writeString(site.resolve("requests-2.31.0.dist-info/RECORD"), "requests/__init__.py,,4000\n");

        CliRun text = CliRun.of("analyze", a.toString(), b.toString());
        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("requests 2.32.3/2.31.0", "All 2 together");

        JsonNode j = json(CliRun.of("analyze", a.toString(), b.toString(), "--json"));
        assertThat(j.get("artifacts").get(1).get("path").asText()).isEqualTo(b.toString());
        JsonNode dup = j.get("duplicates").get(0);
        assertThat(dup.get("distribution").asText()).isEqualTo("requests");
        assertThat(dup.get("wastedBytes").asLong()).isGreaterThanOrEqualTo(5000);
    }

    @Test
    void badArtifactsAreOneLineAndExitTwo() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.zip"), "not a zip at all");
        Path good = tmp.resolve("good.zip");
        try (LayerZip z = new LayerZip(good)) {
            z.addDistribution("python/", "six", "1.16.0", Map.of("six.py", 30000L));
        }
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(tmp.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length - 30));
        for (Path p : new Path[] {text, truncated, tmp.resolve("missing.zip")}) {
            CliRun run = CliRun.of("analyze", p.toString());
            assertThat(run.exitCode()).as(p + ": " + run.err()).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.err()).contains(p.getFileName().toString());
            assertThat(run.out()).isEmpty();
        }
        assertThat(CliRun.of("analyze").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("analyze", good.toString(), "--top", "0").exitCode()).isEqualTo(2);
    }
}
