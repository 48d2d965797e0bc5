package dev.layerfit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerfit check} on the real {@code cdk synth} output of examples/cdk-app: every function of both
 * stacks and the nested stack measured from its staged assets, the bytes equal to the app's own source files.
 */
class CdkCheckTest {

    static final Path APP = Path.of("examples/cdk-app");
    static final Path ASSEMBLY = APP.resolve("cdk.out");
    static final String POWERTOOLS = "arn:aws:lambda:eu-west-1:017000801446:layer:AWSLambdaPowertoolsPythonV2:79";

    @TempDir
    Path temp;

    static CliRun check(Object... args) {
        return CliRun.of(Stream.of(args).map(Object::toString).toArray(String[]::new));
    }

    @Test
    void everyFunctionIsMeasuredFromItsAssetsToTheByte() throws IOException {
        Path layerSource = APP.resolve("layers/deps");
        CliRun r = check("check", ASSEMBLY, "--offline", "--layer", POWERTOOLS + "=" + layerSource, "--json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        Map<String, JsonNode> fns = byName(json);
        assertThat(fns.keySet()).containsExactly("LayerfitApi/ApiFunction", "LayerfitApi/WorkerFunction",
                "LayerfitApi/Jobs/JobFunction", "LayerfitData/ExportFunction", "LayerfitData/PingFunction",
                "LayerfitData/ReportFunction");
        long layer = folderBytes(layerSource);
        long handler = Files.size(APP.resolve("src/api/handler.py"));
        long job = Files.size(APP.resolve("src/jobs/job.py"));
        assertThat(fns.get("LayerfitApi/ApiFunction").get("totalUnzippedBytes").asLong()).isEqualTo(layer + handler);
        assertThat(fns.get("LayerfitApi/WorkerFunction").get("totalUnzippedBytes").asLong()).isEqualTo(49);
        assertThat(fns.get("LayerfitApi/Jobs/JobFunction").get("totalUnzippedBytes").asLong()).isEqualTo(2 * layer + job);
        assertThat(fns.get("LayerfitApi/Jobs/JobFunction").get("artifacts")).extracting(a -> a.get("ref").asText())
                .containsExactly("LayerfitApi/DepsLayer", POWERTOOLS, "function");
        assertThat(fns.get("LayerfitApi/ApiFunction").get("definedAt").asText()).isEqualTo(APP.resolve("app.js") + ":34");
        assertThat(fns.get("LayerfitData/PingFunction").get("totalUnzippedBytes").asLong())
                .isEqualTo("def handler(event, context):\n    return \"pong\"\n".length());
        assertThat(fns.get("LayerfitData/ExportFunction").get("notChecked").asText())
                .contains("s3://layerfit-artifacts/export/export-1.4.zip");
        assertThat(fns.get("LayerfitData/ReportFunction").get("packageType").asText()).isEqualTo("IMAGE");
        // the S3 function cannot be measured here, so the deployment as a whole is not shown to fit
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void theAppFolderAndKindCdkReadTheSameAssembly() throws IOException {
        CliRun app = check("check", APP, "--offline", "--function", "LayerfitApi/ApiFunction", "--json");
        CliRun forced = check("check", APP, "--kind", "cdk", "--offline", "--function", "LayerfitApi/ApiFunction", "--json");
        assertThat(app.exitCode()).as(app.err()).isZero();
        assertThat(forced.out()).isEqualTo(app.out());
        assertThat(new ObjectMapper().readTree(app.out()).get("totalUnzippedBytes").asLong())
                .isEqualTo(folderBytes(APP.resolve("layers/deps")) + Files.size(APP.resolve("src/api/handler.py")));
        CliRun wrongKind = check("check", APP, "--kind", "serverless");
        assertThat(wrongKind.exitCode()).isEqualTo(2);
        assertThat(wrongKind.err()).hasLineCount(1).contains("has no serverless.yml");
    }

    @Test
    void theTextReportListsEachFunction() {
        CliRun r = check("check", ASSEMBLY, "--offline");
        assertThat(r.out()).contains("CDK cloud assembly " + ASSEMBLY + " (schema 55.0.0; stacks LayerfitApi, LayerfitData)")
                .containsPattern("ok +LayerfitApi/ApiFunction +1 +284 B")
                .containsPattern("ERR +LayerfitApi/Jobs/JobFunction .*--offline forbids measuring it from AWS");
    }

    @Test
    void aMissingAssetFolderIsOneSentenceAndTheOtherFunctionsAreChecked() throws IOException {
        Path copy = copy(ASSEMBLY, temp.resolve("cdk.out"));
        deleteTree(copy.resolve("asset.0a00e7c2f77326a8586e6e1eae5ffa4825f21b27306da9b28e1ee1f473475fb5"));
        CliRun r = check("check", copy, "--offline", "--json");
        Map<String, JsonNode> fns = byName(new ObjectMapper().readTree(r.out()));
        assertThat(fns.get("LayerfitApi/ApiFunction").get("notChecked").asText()).isEqualTo("the asset "
                + "asset.0a00e7c2f77326a8586e6e1eae5ffa4825f21b27306da9b28e1ee1f473475fb5 (the code of function "
                + "LayerfitApi/ApiFunction) is missing from " + copy + "; run cdk synth again");
        assertThat(fns.get("LayerfitApi/WorkerFunction").get("checked").asBoolean()).isTrue();
        assertThat(r.exitCode()).isEqualTo(1);
    }

    @Test
    void anUnsupportedSchemaVersionIsOneSentenceExit2() throws IOException {
        Path copy = copy(ASSEMBLY, temp.resolve("cdk.out"));
        Path manifest = copy.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"version\": \"55.0.0\"", "\"version\": \"0.36.0\""));
        CliRun r = check("check", copy);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("layerfit: " + manifest + ": cloud assembly schema version 0.36.0 is older than "
                + "layerfit can read (1.0.0 to 55.x); upgrade the app's CDK and run cdk synth again\n");
    }

    static Map<String, JsonNode> byName(JsonNode json) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        json.get("functions").forEach(f -> out.put(f.get("name").asText(), f));
        return out;
    }

    static long folderBytes(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            long sum = 0;
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                sum += Files.size(f);
            }
            return sum;
        }
    }

    static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        return to;
    }

    static void deleteTree(Path p) throws IOException {
        try (Stream<Path> files = Files.walk(p)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
