package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.OwnCacheExtension;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerfit check} on small Chalice projects, end to end: every function, both automatic_layer modes per
 * stage, the empty managed layer, what Chalice leaves out, and errors that are not verdicts.
 */
class ChaliceCheckTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:l%d:1";
    private static final long RUNTIME_FILES = 90_370 + 548; // Chalice 1.32.0's chalice/app.py + chalice/__init__.py

    @TempDir
    Path tmp;

    private Path project;
    private WheelShelf shelf;

    @BeforeEach
    void setUp() throws Exception {
        project = Files.createDirectories(tmp.resolve("app"));
        Files.createDirectories(project.resolve(".chalice"));
        shelf = new WheelShelf(tmp.resolve("simple"));
        shelf.wheel("tinysix", "1.16.0", "py2.py3-none-any", Map.of("tinysix.py", "# six\n"));
        shelf.wheel("bignum", "2.4.6", "cp311-cp311-manylinux_2_28_x86_64", Map.of("bignum/__init__.py", "N = 1\n"));
    }

    private CliRun check(String... extra) {
        List<String> args = new ArrayList<>(List.of("check", project.toString(), "--offline", "--index-url", shelf.url(),
                "--deploy-python", "3.11", "--deploy-glibc", "2.36"));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun r) throws Exception {
        return JSON.readTree(r.out());
    }

    private Path layerZip(String name, int bytes) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            z.putNextEntry(new ZipEntry("python/" + name + ".py"));
            z.write(new byte[bytes]);
            z.closeEntry();
        }
        Path p = tmp.resolve(name + ".zip");
        Files.write(p, b.toByteArray());
        return p;
    }

    private static final String APP = String.join("\n",
            "from chalice import Chalice",
            "app = Chalice(app_name='shop')",
            "@app.route('/')",
            "def index():",
            "    return {}",
            "@app.lambda_function(name='worker')",
            "def work(event, context):",
            "    return event",
            "@app.schedule('rate(1 hour)')",
            "def nightly(event):",
            "    pass",
            "");

    @Test
    void everyFunctionWithItsOwnLayersAndBothAutomaticLayerModesPerStage() throws Exception {
        Files.writeString(project.resolve("app.py"), APP);
        Files.writeString(project.resolve("requirements.txt"), "tinysix==1.16.0\n");
        Files.writeString(project.resolve(".chalice/config.json"), """
                {"version": "2.0", "app_name": "shop", "automatic_layer": true,
                 "lambda_functions": {"worker": {"layers": ["%s"]}},
                 "stages": {"dev": {"automatic_layer": false}, "prod": {}}}
                """.formatted(ARN.formatted(1)));
        Path l1 = layerZip("l1", 1000);
        long app = Files.size(project.resolve("app.py"));
        long wheel = 6 + "Metadata-Version: 2.1\nName: tinysix\nVersion: 1.16.0\n".length()
                + "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\n".length();

        CliRun dev = check("--stage", "dev", "--json", "--layer", ARN.formatted(1) + "=" + l1);
        assertThat(dev.exitCode()).as(dev.err() + dev.out()).isZero();
        JsonNode d = json(dev);
        JsonNode fns = d.get("functions");
        assertThat(fns).hasSize(3);
        // automatic_layer off in dev: the function zip holds the requirement, the runtime files and app.py
        for (JsonNode f : fns) {
            JsonNode code = f.get("artifacts").get(f.get("artifacts").size() - 1);
            assertThat(code.get("role").asText()).isEqualTo("function");
            assertThat(code.get("unzippedBytes").asLong()).isEqualTo(wheel + RUNTIME_FILES + app);
        }
        assertThat(fns.get(0).get("artifacts").findValuesAsText("ref")).containsExactly(ARN.formatted(1), "function");
        assertThat(fns.get(1).get("artifacts").findValuesAsText("ref")).containsExactly("function");

        // prod: managed layer first, app-only function zip
        CliRun prod = check("--stage", "prod", "--json", "--layer", ARN.formatted(1) + "=" + l1);
        assertThat(prod.exitCode()).as(prod.err()).isZero();
        JsonNode worker = json(prod).get("functions").get(0);
        assertThat(worker.get("artifacts").findValuesAsText("ref")).containsExactly("shop-prod-managed-layer", ARN.formatted(1), "function");
        assertThat(worker.get("artifacts").get(0).get("unzippedBytes").asLong()).isEqualTo(wheel);
        assertThat(worker.get("artifacts").get(2).get("unzippedBytes").asLong()).isEqualTo(RUNTIME_FILES + app);

        // text: one row per function and a one-line summary
        CliRun text = check("--stage", "prod", "--layer", ARN.formatted(1) + "=" + l1);
        assertThat(text.out()).contains("3 functions").contains("worker").contains("nightly").contains("api_handler")
                .contains("FITS: all 3 functions checked fit.");
        assertThat(check("--stage", "prod", "--function", "nightly").out()).contains("deployed as shop-prod-nightly (schedule at app.py:9)");

        // --function accepts a function without a lambda_functions entry
        CliRun one = check("--stage", "prod", "--json", "--function", "nightly");
        assertThat(one.exitCode()).as(one.err()).isZero();
        assertThat(json(one).get("artifacts").findValuesAsText("ref")).containsExactly("shop-prod-managed-layer", "function");
        CliRun unknown = check("--stage", "prod", "--function", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("worker, nightly, api_handler");
    }

    @Test
    void anEmptyManagedLayerIsDroppedSoFiveManualLayersFit() throws Exception {
        Files.writeString(project.resolve("app.py"), APP);
        Files.writeString(project.resolve("requirements.txt"), "# nothing yet\n");
        List<String> arns = new ArrayList<>();
        List<String> args = new ArrayList<>(List.of("--function", "api_handler", "--json"));
        for (int i = 1; i <= 5; i++) {
            arns.add("\"" + ARN.formatted(i) + "\"");
            args.addAll(List.of("--layer", ARN.formatted(i) + "=" + layerZip("l" + i, 10)));
        }
        Files.writeString(project.resolve(".chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"shop\", "
                + "\"automatic_layer\": true, \"layers\": [" + String.join(", ", arns) + "]}");
        CliRun r = check(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode j = json(r);
        assertThat(j.get("artifacts").findValuesAsText("role")).containsExactly("layer", "layer", "layer", "layer", "layer", "function");
        assertThat(j.get("notes").toString()).contains("EmptyPackageError");
    }

    @Test
    void whatChaliceLeavesOutFailsTheCheckUnlessAllowed() throws Exception {
        Files.writeString(project.resolve("app.py"), APP);
        Files.writeString(project.resolve("requirements.txt"), "bignum==2.4.6\ntinysix\n");
        Files.writeString(project.resolve(".chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"shop\", \"automatic_layer\": true}");

        CliRun r = check("--json", "--function", "worker");
        assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(1);
        JsonNode j = json(r);
        assertThat(j.get("fits").asBoolean()).isFalse();
        assertThat(j.get("leftOut")).hasSize(1);
        assertThat(j.get("leftOut").get(0).toString()).isEqualTo("{\"artifact\":\"managed layer\",\"distribution\":\"bignum\","
                + "\"version\":\"2.4.6\",\"reason\":\"bignum 2.4.6 has wheels only for manylinux_2_28; python3.11 runs glibc 2.26\","
                + "\"missing\":true}");
        assertThat(j.get("deploymentNotes").toString()).contains("runtime python3.11: Chalice deploys python3.11 from the machine "
                + "given by flags (Python 3.11, glibc 2.36, x86_64)");

        CliRun text = check("--function", "worker");
        assertThat(text.out()).contains("Chalice will leave out:\n  MISSING bignum 2.4.6 (managed layer): bignum 2.4.6 has "
                + "wheels only for manylinux_2_28; python3.11 runs glibc 2.26\n").contains("FAILS: 1 distribution will be missing");

        CliRun github = check("--function", "worker", "--github");
        assertThat(github.out()).contains("::error file=");
        assertThat(github.out()).contains(",title=Chalice will leave out bignum 2.4.6::bignum 2.4.6 has wheels only for "
                + "manylinux_2_28; python3.11 runs glibc 2.26. pin a version");

        CliRun allowed = check("--function", "worker", "--allow-missing", "--json");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(json(allowed).get("leftOut")).hasSize(1);
    }

    @Test
    void aMalformedAppPyFallsBackToTheStageWideView() throws Exception {
        Files.writeString(project.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='shop'\n@app.route('/')\n");
        Files.writeString(project.resolve(".chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"shop\"}");
        CliRun r = check("--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode j = json(r);
        assertThat(j.get("functions")).hasSize(1);
        assertThat(j.get("deploymentNotes").toString()).contains("app.py:2: a bracket opened here is not closed")
                .contains("stage-wide view");
    }

    @Test
    void errorsThatAreNotVerdictsExitTwoWithJson() throws Exception {
        Files.writeString(project.resolve("app.py"), APP);
        Files.writeString(project.resolve(".chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"shop\"}");
        Files.createDirectories(project.resolve("vendor/a"));
        Files.createSymbolicLink(project.resolve("vendor/a/loop"), project.resolve("vendor"));
        CliRun loop = check("--json", "--function", "worker");
        assertThat(loop.exitCode()).isEqualTo(2);
        JsonNode e = json(loop).get("error");
        assertThat(e.get("exitCode").asInt()).isEqualTo(2);
        assertThat(e.get("message").asText()).contains("vendor/a/loop links back to");
        Files.delete(project.resolve("vendor/a/loop"));

        // requirements that resolve for neither the machine nor the runtime
        Files.writeString(project.resolve("requirements.txt"), "bignum==9.9\n");
        CliRun none = check("--json", "--function", "worker");
        assertThat(none.exitCode()).as(none.out()).isEqualTo(2);
        assertThat(json(none).get("error").get("message").asText()).contains("computing Chalice's function zip from")
                .contains("pass --package PATH");
        try (var files = Files.list(project)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".chalice", "app.py", "vendor",
                    "requirements.txt");
        }
    }
}
