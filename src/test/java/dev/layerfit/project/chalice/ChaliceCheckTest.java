package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code layerfit check} on small Chalice projects, end to end: every function, both automatic_layer modes per
 * stage, the empty managed layer, what Chalice leaves out, and errors that are not verdicts.
 */
class ChaliceCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:l%d:1";
    private static final long RUNTIME_FILES = 90_370 + 548; // Chalice 1.32.0's chalice/app.py + chalice/__init__.py

    @TempDir
    Path tmp;

    private String savedCache;
    private Path project;
    private WheelShelf shelf;

    @BeforeEach
    void setUp() throws Exception {
        savedCache = System.getProperty("layerfit.cache.dir");
        System.setProperty("layerfit.cache.dir", tmp.resolve("cache").toString());
        project = Files.createDirectories(tmp.resolve("app"));
        Files.createDirectories(project.resolve(".chalice"));
        shelf = new WheelShelf(tmp.resolve("simple"));
        shelf.wheel("tinysix", "1.16.0", "py2.py3-none-any", Map.of("tinysix.py", "# six\n"));
        shelf.wheel("bignum", "2.4.6", "cp311-cp311-manylinux_2_28_x86_64", Map.of("bignum/__init__.py", "N = 1\n"));
    }

    @AfterEach
    void restore() {
        if (savedCache == null) {
            System.clearProperty("layerfit.cache.dir");
        } else {
            System.setProperty("layerfit.cache.dir", savedCache);
        }
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

        String reason = "bignum 2.4.6 has wheels only for manylinux_2_28; python3.11 runs glibc 2.26";
        String fix = "pin a version that has a wheel Chalice accepts for python3.11 (see each reason), or build the dependencies"
                + " for the runtime with `layerfit build requirements.txt --runtime python3.11` and attach that layer in place of"
                + " automatic_layer; --allow-missing accepts the gap";
        String fails = "but Chalice will leave out 1 distribution (bignum 2.4.6): the deploy succeeds and the function will fail"
                + " at import (--allow-missing to accept).";
        assertThat(j.get("verdict").asText()).isEqualTo("FAILS");
        assertThat(j.get("headline").asText()).startsWith("FAILS: ").endsWith(fails);
        assertThat(j.get("leftOutFix").asText()).isEqualTo(fix);

        // text: the section, then one headline that says FAILS (never "FITS" for a check that exits 1)
        CliRun text = check("--function", "worker");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).contains("Chalice will leave out:\n  MISSING bignum 2.4.6 (managed layer): " + reason + "\n"
                + "  Fix: " + fix + "\n").doesNotContain("FITS");
        String last = text.out().strip().substring(text.out().strip().lastIndexOf('\n') + 1);
        assertThat(last).startsWith("FAILS: ").contains("bytes unzipped").endsWith(fails);

        // every function at once: the rows fit the limits, the headline still fails
        CliRun all = check();
        assertThat(all.exitCode()).isEqualTo(1);
        assertThat(all.out()).contains("Chalice will leave out:\n  MISSING bignum 2.4.6").doesNotContain("FITS")
                .endsWith("FAILS: all 3 functions checked fit, but Chalice will leave out 1 distribution (bignum 2.4.6): the deploy"
                        + " succeeds and the functions will fail at import (--allow-missing to accept).\n");

        // Markdown and HTML carry the same section and verdict
        Path md = tmp.resolve("report.md");
        Path html = tmp.resolve("report.html");
        assertThat(check("--function", "worker", "--markdown", md.toString(), "--html", html.toString()).exitCode()).isEqualTo(1);
        assertThat(Files.readString(md)).contains("**FAILS**: ").contains(fails)
                .contains("## Chalice will leave out\n\n| | distribution | version | artifact | reason |\n|---|---|---|---|---|\n"
                        + "| **MISSING** | bignum | 2.4.6 | managed layer | " + reason.replace("_", "\\_") + " |\n\n**Fix:** ")
                .doesNotContain("**FITS**");
        String page = Files.readString(html);
        assertThat(page).contains("<p class=\"verdict fails\"").contains(fails).doesNotContain(">FITS")
                .contains("<section id=\"left-out\"><h2>Chalice will leave out</h2>")
                .contains("<tr class=\"fail\"><td>MISSING</td><td>bignum</td><td>2.4.6</td><td>managed layer</td><td>" + reason
                        + "</td></tr>")
                .contains("<strong>Fix:</strong> pin a version");
        // the same with every function
        assertThat(check("--markdown", md.toString(), "--html", html.toString()).exitCode()).isEqualTo(1);
        assertThat(Files.readString(md)).contains("**FAILS**: every function fits, but Chalice will leave out 1 distribution")
                .contains("| **MISSING** | bignum | 2.4.6 | managed layer | " + reason.replace("_", "\\_") + " |");
        assertThat(Files.readString(html)).contains("<p class=\"verdict fails\">FAILS: every function fits, but Chalice will")
                .contains("<td>MISSING</td><td>bignum</td><td>2.4.6</td>");

        CliRun github = check("--function", "worker", "--github");
        assertThat(github.out()).contains("::error file=");
        assertThat(github.out()).contains(",title=Chalice will leave out bignum 2.4.6::" + reason + ". pin a version")
                .doesNotContain("::notice").doesNotContain("the deployment fits");

        // --allow-missing: fits, with a warning, in every format; exit 0
        CliRun allowed = check("--function", "worker", "--allow-missing", "--json");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        JsonNode a = json(allowed);
        assertThat(a.get("leftOut")).hasSize(1);
        assertThat(a.get("fits").asBoolean()).isTrue();
        assertThat(a.get("verdict").asText()).isEqualTo("FITS, WITH A WARNING");
        String warned = "but Chalice will leave out 1 distribution (bignum 2.4.6), accepted by --allow-missing: the function"
                + " will fail where it imports it.";
        CliRun allowedText = check("--function", "worker", "--allow-missing", "--markdown", md.toString(), "--html", html.toString());
        assertThat(allowedText.exitCode()).isZero();
        assertThat(allowedText.out()).contains("  MISSING (allowed) bignum 2.4.6 (managed layer): " + reason)
                .containsPattern("\nFITS, WITH A WARNING: [0-9,]+ bytes unzipped, [0-9.]+ MiB under the 250 MiB limit; " + java.util.regex.Pattern.quote(warned) + "\n$");
        assertThat(Files.readString(md)).contains("**FITS, WITH A WARNING**: ").contains(warned)
                .contains("| **MISSING (allowed)** | bignum | 2.4.6 |");
        assertThat(Files.readString(html)).contains("<p class=\"verdict warn\"").contains(warned);
        CliRun allowedGithub = check("--function", "worker", "--allow-missing", "--github");
        assertThat(allowedGithub.out()).contains("::warning file=").contains("title=Chalice will leave out bignum 2.4.6::")
                .doesNotContain("::error").contains("title=layerfit%3A the deployment fits%2C with a warning (Chalice will leave out 1"
                        + " distribution%2C --allow-missing)");
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

    @Test
    void aFifoInVendorAndARequirementsFileThatIsNotUtf8AreOneSentenceExitTwoNeverAHang() throws Exception {
        Files.writeString(project.resolve("app.py"), APP);
        Files.writeString(project.resolve(".chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"shop\"}");
        Path fifo = Files.createDirectories(project.resolve("vendor/pkg")).resolve("pipe");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0 && Files.exists(fifo),
                "SKIPPED: mkfifo is not available; a FIFO cannot be made");
        CliRun r = check("--json", "--function", "worker");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(json(r).get("error").get("message").asText()).isEqualTo(fifo + " is not a regular file (a FIFO, socket or"
                + " device); Chalice's packager would hang or fail reading it into the zip: remove it");
        Files.delete(fifo);

        Files.write(project.resolve("requirements.txt"), new byte[] {'r', 'e', 'q', (byte) 0xff, (byte) 0xfe, '\n'});
        CliRun bad = check("--function", "worker");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("requirements.txt is not UTF-8 text; Chalice reads it as UTF-8 and stops with a "
                + "UnicodeDecodeError: save it as UTF-8").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(bad.out()).isEmpty();
        try (var files = Files.list(project)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(".chalice", "app.py", "vendor",
                    "requirements.txt");
        }
    }

    @Test
    void chaliceDeploySendsZipsInlineChalicePackageGoesThroughS3() throws Exception {
        Files.writeString(project.resolve("app.py"), APP);
        Files.writeString(project.resolve("requirements.txt"), "tinysix==1.16.0\n");
        Files.writeString(project.resolve(".chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"shop\"}");
        JsonNode deploy = json(check("--json", "--function", "worker"));
        assertThat(deploy.get("deployTool").asText()).isEqualTo("chalice deploy");
        // automatic_layer is off: one function zip, sent inline, so its zipped size is held to 50 MiB
        assertThat(deploy.get("limits").findValuesAsText("name")).containsExactly("unzipped-total", "layer-count",
                "zipped-direct-upload");
        JsonNode pkg = json(check("--json", "--function", "worker", "--deploy-command", "package"));
        assertThat(pkg.get("deployTool").asText()).isEqualTo("chalice package");
        assertThat(pkg.get("limits").findValuesAsText("name")).containsExactly("unzipped-total", "layer-count");
    }

    @Test
    void withoutFlagsChaliceDeploysThePython3OnPath() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(DeployingMachine.detect().isPresent(),
                "SKIPPED: no python3 on PATH to ask which Python Chalice would deploy");
        DeployingMachine here = DeployingMachine.detect().orElseThrow();
        Files.writeString(project.resolve("app.py"), APP);
        Files.writeString(project.resolve("requirements.txt"), "tinysix==1.16.0\nchalice==1.32.0\n");
        shelf.wheel("chalice", "1.32.0", "py3-none-any", Map.of("chalice/__init__.py", "# a stand-in\n"));
        Files.writeString(project.resolve(".chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"shop\"}");
        CliRun r = CliRun.of("check", project.toString(), "--offline", "--index-url", shelf.url(), "--json", "--function", "worker");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode j = json(r);
        String runtime = ChalicePython.lambdaPythonVersion(here.pythonVersion());
        assertThat(j.get("runtime").asText()).isEqualTo(runtime);
        assertThat(j.get("deploymentNotes").toString()).contains("runtime " + runtime + ": Chalice deploys " + runtime
                + " from the python3 on PATH");
        if (here.chaliceFiles().isEmpty()) {
            // the chalice pinned in requirements.txt decides the runtime files' sizes
            assertThat(j.toString()).contains("Chalice 1.32.0 (pinned in requirements.txt) is not installed for python3 here");
        }
    }
}
