package dev.layerfit.check;

import static dev.layerfit.check.ChaliceProject.ARN_NUMPY;
import static dev.layerfit.check.ChaliceProject.ARN_UTILS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

    @TempDir
    Path tmp;

    private static Map<String, Object[]> dists(Object... nameVersionMib) {
        Map<String, Object[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameVersionMib.length; i += 3) {
            m.put((String) nameVersionMib[i], new Object[] {nameVersionMib[i + 1], nameVersionMib[i + 2]});
        }
        return m;
    }

    private static long sumOfEntrySizes(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().mapToLong(e -> e.isDirectory() ? 0 : e.getSize()).sum();
        }
    }

    private static JsonNode json(CliRun run) throws IOException {
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void smallDeploymentFitsAndCountsEveryByteOfLayersAndFunction() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).standardConfig(false);
        Path numpy = p.layer("layers/numpy.zip", dists("numpy", "1.26.4", 10));
        Path utils = p.layer("layers/utils.zip", dists("requests", "2.32.3", 2));

        CliRun run = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--json",
                "--layer", ARN_NUMPY + "=" + numpy, "--layer", ARN_UTILS + "=" + utils);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode j = json(run);
        long function = Files.size(p.dir.resolve("app.py")) + Files.size(p.dir.resolve("chalicelib/db.py"));
        assertThat(j.get("fits").asBoolean()).isTrue();
        assertThat(j.get("totalUnzippedBytes").asLong()).isEqualTo(sumOfEntrySizes(numpy) + sumOfEntrySizes(utils) + function);
        assertThat(j.get("limits").findValuesAsText("name")).contains("unzipped-total", "layer-count", "zipped-direct-upload");
        assertThat(j.get("artifacts").findValuesAsText("role")).containsExactly("layer", "layer", "function");
        assertThat(j.get("artifacts").findValuesAsText("ref")).containsExactly(ARN_NUMPY, ARN_UTILS, "function");
        assertThat(j.get("artifacts").get(2).get("unzippedBytes").asLong()).isEqualTo(function);
        assertThat(j.get("awsErrors")).isEmpty();
    }

    @Test
    void managedLayerRepeatingTheLayersIsTheFailureAndTheFirstAdvice() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).standardConfig(true);
        Path numpy = p.layer("layers/numpy.zip", dists("numpy", "1.26.4", 120));
        Path utils = p.layer("layers/utils.zip", dists("requests", "2.32.3", 2, "pydantic", "2.9.0", 6));
        Path managed = p.layer("managed.zip", "python/lib/python3.11/site-packages/",
                dists("numpy", "1.26.4", 120, "requests", "2.32.3", 2, "pydantic", "2.9.0", 6, "flask", "3.0.0", 1));

        CliRun text = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--managed-layer", managed.toString(),
                "--layer", ARN_NUMPY + "=" + numpy, "--layer", ARN_UTILS + "=" + utils);
        assertThat(text.exitCode()).as(text.err()).isEqualTo(1);
        assertThat(text.out())
                .contains("InvalidParameterValueException: Layers consume more than the available size of 262144000 bytes")
                .contains("the managed layer repeats 3 distributions already in your layers (numpy, pydantic, requests)")
                .contains("set \"automatic_layer\": false in stages.prod")
                .contains("DOES NOT FIT");

        CliRun run = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--managed-layer", managed.toString(),
                "--layer", ARN_NUMPY + "=" + numpy, "--layer", ARN_UTILS + "=" + utils, "--json");
        JsonNode j = json(run);
        assertThat(j.get("fits").asBoolean()).isFalse();
        assertThat(j.get("artifacts").findValuesAsText("role")).containsExactly("managed-layer", "layer", "layer", "function");
        assertThat(j.get("artifacts").get(0).get("ref").asText()).isEqualTo("demo-prod-managed-layer");
        JsonNode advice = j.get("advice").get(0);
        assertThat(advice.get("id").asText()).isEqualTo("automatic-layer-duplicates");
        long repeated = Math.round(120 * ChaliceProject.MIB) + Math.round(2 * ChaliceProject.MIB)
                + Math.round(6 * ChaliceProject.MIB);
        assertThat(advice.get("savesBytes").asLong()).isGreaterThan(repeated).isLessThan(repeated + 4096);
        assertThat(j.get("duplicates").findValuesAsText("distribution")).contains("numpy", "requests", "pydantic")
                .doesNotContain("flask");
        assertThat(j.get("projectedUnzippedBytes").asLong()).isLessThan(262_144_000L);
        JsonNode limit = j.get("limits").get(0);
        assertThat(limit.get("name").asText()).isEqualTo("unzipped-total");
        assertThat(limit.get("ok").asBoolean()).isFalse();
        assertThat(limit.get("actualBytes").asLong()).isEqualTo(j.get("totalUnzippedBytes").asLong());
    }

    @Test
    void projectFileMapsTheArtifacts() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).standardConfig(false);
        p.layer("layers/numpy.zip", dists("numpy", "1.26.4", 1));
        p.layer("layers/utils.zip", dists("requests", "2.32.3", 1));
        Files.writeString(p.dir.resolve("layerfit.json"), """
                {"layers": {"%s": "layers/numpy.zip", "%s": "layers/utils.zip"}}
                """.formatted(ARN_NUMPY, ARN_UTILS));
        CliRun run = CliRun.of("check", p.dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("stage dev", "numpy:3", "utils:4", "FITS");
    }

    @Test
    void aDistributionInTwoManualLayersIsWastedOnce() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).standardConfig(false);
        Path numpy = p.layer("layers/numpy.zip", dists("numpy", "1.26.4", 3, "requests", "2.32.3", 2));
        Path utils = p.layer("layers/utils.zip", dists("requests", "2.32.3", 2));
        JsonNode j = json(CliRun.of("check", p.dir.toString(), "--json",
                "--layer", ARN_NUMPY + "=" + numpy, "--layer", ARN_UTILS + "=" + utils));
        JsonNode dup = j.get("duplicates").get(0);
        assertThat(dup.get("distribution").asText()).isEqualTo("requests");
        assertThat(dup.get("usedFrom").asText()).isEqualTo(ARN_UTILS);
        assertThat(dup.get("wastedBytes").asLong()).isBetween(2 * ChaliceProject.MIB, 2 * ChaliceProject.MIB + 1024);
        assertThat(j.get("advice").findValuesAsText("id")).contains("layer-duplicates");
    }

    @Test
    void moreThanFiveLayersIsNamedAsTheAwsError() throws IOException {
        StringBuilder arns = new StringBuilder();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("check", tmp.toString()));
        ChaliceProject p = new ChaliceProject(tmp);
        for (int i = 1; i <= 6; i++) {
            String arn = "arn:aws:lambda:us-east-1:123456789012:layer:l" + i + ":1";
            arns.append(i > 1 ? "," : "").append('"').append(arn).append('"');
            args.addAll(java.util.List.of("--layer", arn + "=" + p.layer("l" + i + ".zip", dists("p" + i, "1.0", 0.1))));
        }
        p.config("{\"app_name\": \"demo\", \"layers\": [" + arns + "], \"stages\": {\"dev\": {}}}");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("FAIL  layer-count", "Cannot reference more than 5 layers");
    }

    @Test
    void aLayerWithoutALocalCopyNamesTheFlagToPass() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).standardConfig(false);
        Path numpy = p.layer("layers/numpy.zip", dists("numpy", "1.26.4", 1));
        CliRun run = CliRun.of("check", p.dir.toString(), "--offline", "--layer", ARN_NUMPY + "=" + numpy);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("layerfit: layer " + ARN_UTILS)
                .contains("pass --layer " + ARN_UTILS + "=PATH").doesNotContain("Exception");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }

    @Test
    void automaticLayerWithoutTheManagedLayerNamesTheFlagToPass() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).standardConfig(true);
        // without an index the managed layer cannot be computed from requirements.txt: the error still names the flag
        Files.writeString(p.dir.resolve("requirements.txt"), "numpy==2.2.6\n");
        CliRun run = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--no-index");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("automatic_layer is on for stage prod", "demo-prod-managed-layer",
                "pass --managed-layer PATH");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).standardConfig(false);
        Path notZip = Files.writeString(tmp.resolve("not-a-zip.zip"), "hello, I am text");
        Path numpy = p.layer("layers/numpy.zip", dists("numpy", "1.26.4", 1));
        String[][] cases = {
            {"check", p.dir.toString(), "--stage", "qa"},
            {"check", p.dir.toString(), "--function", "nope"},
            {"check", tmp.resolve("missing").toString()},
            {"check", p.dir.toString(), "--layer", ARN_NUMPY + "=" + numpy, "--layer", ARN_UTILS + "=" + tmp.resolve("nope.zip")},
            {"check", p.dir.toString(), "--layer", ARN_NUMPY + "=" + numpy, "--layer", ARN_UTILS + "=" + notZip},
            {"check", p.dir.toString(), "--layer", ARN_NUMPY + "=" + numpy, "--layer", ARN_NUMPY + "=" + numpy},
            {"check", p.dir.toString(), "--layer", "numpy.zip"},
        };
        String[] expected = {"qa", "nope", "does not exist", "no such file or folder", "not a zip", "twice", "ARN=PATH"};
        for (int i = 0; i < cases.length; i++) {
            CliRun run = CliRun.of(cases[i]);
            assertThat(run.exitCode()).as(String.join(" ", cases[i]) + " → " + run.err()).isEqualTo(2);
            assertThat(run.err()).as(String.join(" ", cases[i])).containsIgnoringCase(expected[i])
                    .doesNotContain("at dev.layerfit");
            assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
            assertThat(run.out()).isEmpty();
        }
    }

    @Test
    void malformedConfigNamesLineAndColumn() throws IOException {
        ChaliceProject p = new ChaliceProject(tmp).config("{\n  \"app_name\": \"demo\",\n  \"layers\": [,]\n}\n");
        CliRun run = CliRun.of("check", p.dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("config.json:3:");
    }
}
