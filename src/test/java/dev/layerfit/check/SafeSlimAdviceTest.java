package dev.layerfit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 item 1: the "rebuild with --slim safe" advice is the safe profile dry-run on the artifact's own files, so a
 * layer layerfit built with {@code --slim safe} gets none, an unslimmed one is told exactly what the build would remove,
 * and for Chalice's managed layer the advice is a change to Chalice's input. Real numpy wheels from the local index.
 */
class SafeSlimAdviceTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;

    static Path slim;
    static Path unslimmed;
    static JsonNode slimBuild;

    @BeforeAll
    static void buildNumpyBothWays() throws Exception {
        slim = tmp.resolve("numpy-safe.zip");
        unslimmed = tmp.resolve("numpy-none.zip");
        slimBuild = build("safe", slim);
        build("none", unslimmed);
    }

    private static JsonNode build(String profile, Path out) throws Exception {
        List<String> args = new ArrayList<>(List.of("build", "numpy==2.2.6", "--python-version", "3.11", "--glibc", "2.34",
                "--slim", profile, "-o", out.toString(), "--json"));
        for (Path root : LocalIndex.require().roots()) {
            args.add(args.contains("--index-url") ? "--extra-index-url" : "--index-url");
            args.add(root.toUri().toString());
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    private static long removed(String... rules) {
        long bytes = 0;
        for (JsonNode r : slimBuild.get("removed")) {
            if (List.of(rules).contains(r.get("rule").asText())) {
                bytes += r.get("bytes").asLong();
            }
        }
        return bytes;
    }

    private static JsonNode advice(JsonNode check, String id) {
        for (JsonNode a : check.get("advice")) {
            if (a.get("id").asText().equals(id)) {
                return a;
            }
        }
        return null;
    }

    private static JsonNode checkWithLayer(Path layer) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "app");
        new ChaliceProject(dir).config("""
                {"version": "2.0", "app_name": "demo", "layers": ["%s"], "stages": {"dev": {}}}
                """.formatted(ChaliceProject.ARN_NUMPY));
        CliRun r = CliRun.of("check", dir.toString(), "--stage", "dev", "--offline", "--layer", ChaliceProject.ARN_NUMPY + "=" + layer,
                "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        return JSON.readTree(r.out());
    }

    @Test
    void aLayerBuiltWithSlimSafeGetsNoSafeSlimmingAdvice() throws Exception {
        assertThat(removed("tests")).isPositive();
        JsonNode check = checkWithLayer(slim);
        assertThat(advice(check, "tests")).as(check.get("advice").toString()).isNull();
        assertThat(advice(check, "stubs-and-docs")).as(check.get("advice").toString()).isNull();
    }

    @Test
    void anUnslimmedLayerIsToldWhatTheSafeBuildRemoves() throws Exception {
        JsonNode check = checkWithLayer(unslimmed);
        JsonNode tests = advice(check, "tests");
        assertThat(tests).as(check.get("advice").toString()).isNotNull();
        assertThat(tests.get("savesBytes").asLong()).isEqualTo(removed("tests"));
        assertThat(advice(check, "stubs-and-docs").get("savesBytes").asLong()).isEqualTo(removed("type-stubs", "docs"));
        assertThat(tests.get("action").asText()).startsWith("rebuild with `layerfit build --slim safe`");
    }

    @Test
    void forChalicesManagedLayerTheAdviceIsAChangeToChalicesInput() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "managed");
        new ChaliceProject(dir).config("""
                {"version": "2.0", "app_name": "demo", "automatic_layer": true, "stages": {"dev": {}}}
                """);
        Files.writeString(dir.resolve("requirements.txt"), "numpy==2.2.6\n");
        CliRun r = CliRun.of("check", dir.toString(), "--stage", "dev", "--offline", "--managed-layer", unslimmed.toString(), "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode tests = advice(JSON.readTree(r.out()), "tests");
        assertThat(tests).as(r.out()).isNotNull();
        assertThat(tests.get("action").asText()).doesNotStartWith("rebuild with")
                .contains("the managed layer is built by chalice deploy from the project's requirements", "automatic_layer",
                        "then build that layer yourself with `layerfit build requirements.txt --slim safe`");
    }

    @Test
    void forAFunctionSamBuildsTheAdviceIsAChangeToItsRequirements() throws Exception {
        Path dir = Files.createTempDirectory(tmp, "sam");
        Files.createDirectories(dir.resolve("src"));
        Files.writeString(dir.resolve("template.yaml"), """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: src/
                      Handler: app.handler
                      Runtime: python3.11
                """);
        Files.writeString(dir.resolve("src/app.py"), "import numpy\n\ndef handler(event, context):\n    return {}\n");
        Files.writeString(dir.resolve("src/requirements.txt"), "numpy==2.2.6\n");
        List<String> args = new ArrayList<>(List.of("check", dir.toString(), "--json"));
        for (Path root : LocalIndex.require().roots()) {
            args.add(args.contains("--index-url") ? "--extra-index-url" : "--index-url");
            args.add(root.toUri().toString());
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode tests = advice(JSON.readTree(r.out()), "tests");
        assertThat(tests).as(r.out()).isNotNull();
        assertThat(tests.get("action").asText()).doesNotStartWith("rebuild with")
                .contains("the function is built by sam deploy from the project's requirements",
                        "move what it installs from requirements.txt into a layer built with `layerfit build requirements.txt --slim safe`");
    }
}
