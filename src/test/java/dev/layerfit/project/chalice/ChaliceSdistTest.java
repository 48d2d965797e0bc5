package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.pipeline.IndexSettings;
import dev.layerfit.python.build.LocalPython;
import dev.layerfit.python.build.SdistTarGz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sdists Chalice builds ({@code DependencyBuilder._build_sdists}), on small hand-made sdists whose setuptools
 * backend comes from the machine's local index: a pure-Python one is built as Chalice builds it and its files are
 * counted; one whose build fails is left out (Chalice's pip wheel fails the same way); one that builds native code is
 * reported as one Chalice tries to build. Each sdist carries a fresh nonce, so its sha256 is new and the build really
 * runs. Skipped, with a message, when the local index or a python3 of 3.11 or newer is missing.
 */
class ChaliceSdistTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SETUPTOOLS = "[build-system]\nrequires = [\"setuptools>=61\"]\n"
            + "build-backend = \"setuptools.build_meta\"\n\n";

    @TempDir
    Path tmp;

    private String savedCache;
    private Path project;
    private WheelShelf shelf;
    private List<String> extraIndexes;

    @BeforeEach
    void setUp() throws Exception {
        LocalIndex index = LocalIndex.require();
        assumeTrue(LocalPython.onPath().flatMap(LocalPython::inspect).isPresent(),
                "SKIPPED: no python3 of 3.11 or newer on this machine; sdist builds need one");
        assumeTrue(!index.wheels("setuptools").isEmpty(), "SKIPPED: the local index has no setuptools wheel");
        extraIndexes = index.roots().stream().map(r -> r.toUri().toString()).toList();
        savedCache = System.getProperty("layerfit.cache.dir");
        System.setProperty("layerfit.cache.dir", tmp.resolve("cache").toString());
        project = Files.createDirectories(tmp.resolve("app"));
        Files.createDirectories(project.resolve(".chalice"));
        Files.writeString(project.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='shop')\n"
                + "@app.lambda_function()\ndef worker(event, context):\n    return event\n");
        Files.writeString(project.resolve(".chalice/config.json"),
                "{\"version\": \"2.0\", \"app_name\": \"shop\", \"automatic_layer\": true}");
        shelf = new WheelShelf(tmp.resolve("simple"));
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
                "--deploy-python", "3.11", "--deploy-glibc", "2.36", "--function", "worker"));
        for (String e : extraIndexes) {
            args.addAll(List.of("--extra-index-url", e));
        }
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path sdist(String name, String version, Map<String, String> files) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.merge(name + "/__init__.py", "", (a, b) -> a);
        all.put(name + "/__init__.py", "# " + UUID.randomUUID() + "\n" + all.get(name + "/__init__.py"));
        Path dir = Files.createDirectories(tmp.resolve("simple").resolve(name));
        Path sdist = SdistTarGz.write(dir, name, version, all);
        shelf.page(name);
        return sdist;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** name to size of every file entry. */
    private static Map<String, Long> entries(Path zip, String prefix) throws Exception {
        Map<String, Long> out = new LinkedHashMap<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : java.util.Collections.list(z.entries())) {
                if (!e.isDirectory()) {
                    out.put(prefix + e.getName(), e.getSize());
                }
            }
        }
        return out;
    }

    private Path builtWheel(String prefix) throws Exception {
        try (var walk = Files.walk(tmp.resolve("cache").resolve("sdist-wheels"))) {
            return walk.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".whl"))
                    .findFirst().orElseThrow();
        }
    }

    @Test
    void aPurePythonSdistIsBuiltAsChaliceBuildsItAndCounted() throws Exception {
        sdist("tinyset", "1.0", Map.of("pyproject.toml", SETUPTOOLS + "[project]\nname = \"tinyset\"\nversion = \"1.0\"\n",
                "tinyset/__init__.py", "VALUE = 42\n"));
        Files.writeString(project.resolve("requirements.txt"), "tinyset==1.0\n");

        CliRun r = check("--json");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("leftOut")).isEmpty();
        JsonNode layer = j.get("artifacts").get(0);
        assertThat(layer.get("ref").asText()).isEqualTo("shop-dev-managed-layer");

        // the managed layer is exactly the built wheel unzipped whole under Chalice's prefix
        Path wheel = builtWheel("tinyset-1.0-py3-none-any");
        Map<String, Long> expected = entries(wheel, "python/lib/python3.11/site-packages/");
        assertThat(expected).containsKey("python/lib/python3.11/site-packages/tinyset/__init__.py")
                .containsKey("python/lib/python3.11/site-packages/tinyset-1.0.dist-info/RECORD");
        assertThat(layer.get("unzippedBytes").asLong()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
        java.util.regex.Matcher built = java.util.regex.Pattern.compile("the managed layer was built as Chalice builds it for "
                + "python3.11[^:\"]*: ([^\"]+\\.zip)").matcher(j.toString());
        assertThat(built.find()).as(j.toString()).isTrue();
        assertThat(entries(Path.of(built.group(1)), "")).isEqualTo(expected);
        assertThat(layer.get("entries").asInt()).isEqualTo(expected.size());
        assertThat(j.toString()).contains("tinyset 1.0 has only an sdist, so Chalice builds "
                + "tinyset-1.0.tar.gz with pip wheel on the deploying machine; layerfit built the same pure-Python wheel, "
                + "tinyset-1.0-py3-none-any.whl, with its PEP 517 builder (cached by the sdist's sha256), and it is counted");
    }

    @Test
    void anSdistWhoseBuildFailsIsLeftOutAsChaliceLeavesItOut() throws Exception {
        // hashed pins (pip-compile --generate-hashes) are not resolved, so the sdist is first built where Chalice builds it
        Path bad = sdist("tinybad", "1.0", Map.of("pyproject.toml", SETUPTOOLS, "setup.py",
                "raise SystemExit('tinybad cannot be built here')\n"));
        Files.writeString(project.resolve("requirements.txt"), "tinybad==1.0 --hash=sha256:" + sha256(bad) + "\n");

        CliRun r = check("--json");
        assertThat(r.exitCode()).as(r.err() + r.out()).isEqualTo(1);
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.get("fits").asBoolean()).isFalse();
        JsonNode item = j.get("leftOut").get(0);
        assertThat(item.get("distribution").asText()).isEqualTo("tinybad");
        assertThat(item.get("version").asText()).isEqualTo("1.0");
        assertThat(item.get("missing").asBoolean()).isTrue();
        assertThat(item.get("reason").asText()).startsWith("tinybad 1.0 has only an sdist, and its sdist tinybad-1.0.tar.gz "
                + "does not build (building tinybad from tinybad-1.0.tar.gz failed (").endsWith("Chalice's pip wheel fails the same way");
        assertThat(j.get("artifacts").get(0).get("role").asText()).isEqualTo("function"); // nothing left: no managed layer

        CliRun allowed = check("--json", "--allow-missing");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    @Test
    void anSdistThatBuildsNativeCodeIsOneChaliceTriesToBuild() throws Exception {
        // a setuptools project that claims extension modules: its wheel is tagged cp311-cp311-linux_x86_64
        Path nat = sdist("tinynat", "1.0", Map.of("pyproject.toml", SETUPTOOLS + "[project]\nname = \"tinynat\"\nversion = \"1.0\"\n",
                "setup.py", "from setuptools import setup\nfrom setuptools.dist import Distribution\n"
                        + "class Binary(Distribution):\n    def has_ext_modules(self):\n        return True\n"
                        + "setup(distclass=Binary)\n"));
        // unpinned: the deploying machine's pip download reads its metadata from the native wheel it builds
        Files.writeString(project.resolve("requirements.txt"), "tinynat\n");
        CliRun unpinned = check("--json");
        assertThat(unpinned.exitCode()).as(unpinned.err() + unpinned.out()).isZero();
        assertThat(JSON.readTree(unpinned.out()).get("leftOut").get(0).get("reason").asText())
                .startsWith("tinynat 1.0 has only an sdist, so Chalice tries to build tinynat-1.0.tar.gz");
        // the native wheel is kept apart: a layer build still refuses the sdist
        try (var walk = Files.walk(tmp.resolve("cache"))) {
            assertThat(walk.filter(p -> p.getFileName().toString().endsWith("-linux_x86_64.whl")).map(p -> p.getParent().getParent()
                    .getFileName().toString())).containsExactly("sdist-native-wheels");
        }

        Files.writeString(project.resolve("requirements.txt"), "tinynat==1.0 --hash=sha256:" + sha256(nat) + "\n");
        CliRun r = check("--json");
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        JsonNode item = JSON.readTree(r.out()).get("leftOut").get(0);
        assertThat(item.get("missing").asBoolean()).isFalse();
        // the local python3's tags: cp311-cp311-linux_x86_64 here
        assertThat(item.get("reason").asText()).matches(java.util.regex.Pattern.quote("tinynat 1.0 has only an sdist, so Chalice "
                + "tries to build tinynat-1.0.tar.gz with pip wheel on the deploying machine and ships it only if that works; "
                + "layerfit did not build it (it builds native code, tinynat-1.0-") + "cp3\\d+-cp3\\d+-linux_\\w+\\.whl"
                + java.util.regex.Pattern.quote(", which layerfit does not count), so its files are not counted"));

        CliRun text = check();
        assertThat(text.out()).contains("Chalice will leave out:\n  UNKNOWN tinynat 1.0 (managed layer): tinynat 1.0 has only an sdist");
    }

    @Test
    void withoutALocalPythonTheSdistIsReportedNotCounted() throws Exception {
        Path pure = sdist("tinyset", "2.0", Map.of("pyproject.toml", SETUPTOOLS + "[project]\nname = \"tinyset\"\nversion = \"2.0\"\n"));
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "tinyset==2.0 --hash=sha256:" + sha256(pure) + "\n");
        DeployingMachine m = DeployingMachine.fromFlags("ubuntu-24.04", null, null, null).orElseThrow();
        ChaliceDependencyBuilder.Plan plan = new ChaliceDependencyBuilder(new IndexSettings(shelf.url(), extraIndexes, List.of(),
                false, false), new ChaliceSdistBuilds(client -> Optional.empty())).plan(requirements, m, PythonRuntime.forName("python3.12"));
        assertThat(plan.wheels()).isEmpty();
        assertThat(plan.omissions()).singleElement().satisfies(o -> {
            assertThat(o.wouldBuild()).isTrue();
            assertThat(o.reason()).isEqualTo("tinyset 2.0 has only an sdist, so Chalice tries to build tinyset-2.0.tar.gz with "
                    + "pip wheel on the deploying machine and ships it only if that works; layerfit did not build it (this machine "
                    + "has no python3 to build it with), so its files are not counted");
        });
    }
}
