package dev.layerfit.check;

import static dev.layerfit.check.ChaliceProject.ARN_NUMPY;
import static dev.layerfit.check.ChaliceProject.ARN_UTILS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deployment of several functions: each is checked with its own layers, a layer two functions share is measured
 * once and marked shared, and the exit code fails when any function fails.
 */
class MultiFunctionCheckTest {

    @TempDir
    Path tmp;

    private ChaliceProject project() throws Exception {
        ChaliceProject p = new ChaliceProject(tmp).config("""
                {"version": "2.0", "app_name": "demo", "layers": ["%s"],
                 "lambda_functions": {"worker": {"layers": ["%s", "%s"]}},
                 "stages": {"prod": {}}}
                """.formatted(ARN_UTILS, ARN_NUMPY, ARN_UTILS));
        p.layer("layers/numpy.zip", Map.of("numpy", new Object[] {"1.26.4", 255}));
        p.layer("layers/utils.zip", Map.of("requests", new Object[] {"2.32.3", 2}));
        Files.writeString(p.dir.resolve("layerfit.json"), """
                {"layers": {"%s": "layers/numpy.zip", "%s": "layers/utils.zip"}}
                """.formatted(ARN_NUMPY, ARN_UTILS));
        return p;
    }

    @Test
    void everyFunctionHasItsOwnLayersAndVerdict() throws Exception {
        ChaliceProject p = project();
        CliRun run = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--json");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1); // the worker does not fit
        JsonNode j = new ObjectMapper().readTree(run.out());
        assertThat(j.get("fits").asBoolean()).isFalse();
        assertThat(j.get("functions")).extracting(f -> f.get("name").asText()).containsExactly("api_handler", "worker");
        JsonNode api = j.get("functions").get(0);
        JsonNode worker = j.get("functions").get(1);
        assertThat(api.get("fits").asBoolean()).isTrue();
        assertThat(api.get("artifacts")).extracting(a -> a.get("ref").asText()).containsExactly(ARN_UTILS, "function");
        assertThat(worker.get("fits").asBoolean()).isFalse();
        assertThat(worker.get("artifacts")).extracting(a -> a.get("ref").asText()).containsExactly(ARN_NUMPY, ARN_UTILS, "function");
        // the utils layer and the function zip are the same artifact in both functions: same bytes, marked shared
        assertThat(worker.get("artifacts").get(1).get("unzippedBytes").asLong())
                .isEqualTo(api.get("artifacts").get(0).get("unzippedBytes").asLong());
        assertThat(worker.get("artifacts").get(1).get("shared").asBoolean()).isTrue();
        assertThat(worker.get("artifacts").get(0).get("shared").asBoolean()).isFalse();
        assertThat(j.has("totalUnzippedBytes")).as("several functions: no single-function fields at the top").isFalse();

        CliRun text = CliRun.of("check", p.dir.toString(), "--stage", "prod");
        assertThat(text.out()).contains("2 functions").contains("ok    api_handler").contains("FAIL  worker")
                .contains("── worker ──").contains("utils:4 (shared)")
                .contains("DOES NOT FIT: 1 of 2 functions fail.");

        CliRun only = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--function", "api_handler", "--json");
        assertThat(only.exitCode()).as(only.err()).isZero();
        assertThat(new ObjectMapper().readTree(only.out()).get("totalUnzippedBytes").asLong())
                .isEqualTo(api.get("totalUnzippedBytes").asLong());

        CliRun unknown = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--function", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("its functions are api_handler, worker");
    }

    @Test
    void theHtmlAndMarkdownReportsShowEveryFunction() throws Exception {
        ChaliceProject p = project();
        Path html = tmp.resolve("r.html");
        Path md = tmp.resolve("r.md");
        CliRun run = CliRun.of("check", p.dir.toString(), "--stage", "prod", "--html", html.toString(), "--markdown",
                md.toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        String page = Files.readString(html);
        assertThat(page).contains("<section id=\"functions\">").contains(">api_handler<").contains(">worker<")
                .contains("utils:4 (shared)");
        assertThat(Files.readString(md)).contains("| function | layers |").contains("| worker | 2 |")
                .contains("## layerfit check: Chalice app demo, stage prod, function worker");
    }
}
