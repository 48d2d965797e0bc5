package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import dev.layerfit.OwnCacheExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example's merged requirements built from the local index for Python 3.11 / glibc 2.34, once per profile
 * (the builds are shared by the tests): plan's prediction equals the built size to the byte, builds are
 * reproducible across caches, a warm rebuild comes from the cache, and the discovery rule makes it fit with
 * every module importing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealIndexBuildTest {

    @RegisterExtension
    static final OwnCacheExtension CACHE = new OwnCacheExtension();

    static final Path REQUIREMENTS = Path.of("examples/seed-app/requirements.txt");
    static final long LIMIT = 262_144_000L;

    @TempDir
    static Path tmp;

    private LocalIndex index;
    private JsonNode none;
    private JsonNode noneOtherCache;
    private JsonNode noneWarm;
    private JsonNode safe;
    private JsonNode aggressive;
    private JsonNode planNone;

    @BeforeAll
    void buildOncePerProfile() throws Exception {
        index = LocalIndex.require();
        CACHE.switchTo("cache-a");
        planNone = json(run("plan", "--slim", "none"), 0);
        none = json(run("build", "--slim", "none", "-o", tmp.resolve("none.zip").toString()), 0);
        noneWarm = json(run("build", "--slim", "none", "-o", tmp.resolve("none-again.zip").toString()), 0);
        safe = json(run("build", "--slim", "safe", "-o", tmp.resolve("safe.zip").toString()), 0);
        aggressive = json(run("build", "--slim", "aggressive", "--keep-discovery", "drive.v3", "--verify-imports",
                "-o", tmp.resolve("aggressive.zip").toString()), 0);
        CACHE.switchTo("cache-b");
        noneOtherCache = json(run("build", "--slim", "none", "-o", tmp.resolve("none-b.zip").toString()), 0);
    }

    /**
     * #14 item 1: the slimming advice is the safe profile dry-run on each layer's files, with the imports read from
     * the layer's own modules as the build reads them, so a layer built with --slim safe is told nothing (before, the
     * dry run could not see imports and still counted the 4.3 MB of test folders the build kept because they are imported).
     */
    @Test
    void slimmingAdviceIsTheProfilesDryRunOnEachLayer() throws Exception {
        java.util.Map<String, Long> testsSaving = new java.util.HashMap<>();
        for (String profile : List.of("safe", "none")) {
            Path project = tmp.resolve("app-" + profile);
            Files.createDirectories(project.resolve(".chalice"));
            Files.writeString(project.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='a')\n");
            String arn = "arn:aws:lambda:us-east-1:123456789012:layer:deps:1";
            Files.writeString(project.resolve(".chalice/config.json"),
                    "{\"app_name\": \"a\", \"automatic_layer\": false, \"layers\": [\"" + arn + "\"], \"stages\": {\"dev\": {}}}");
            CliRun check = CliRun.of("check", project.toString(), "--offline", "--json", "--layer",
                    arn + "=" + tmp.resolve(profile + ".zip"));
            assertThat(check.exitCode()).as(check.err()).isIn(0, 1);
            List<String> ids = new ArrayList<>();
            new ObjectMapper().readTree(check.out()).get("advice").forEach(a -> {
                ids.add(a.get("id").asText());
                if (a.get("id").asText().equals("tests")) {
                    testsSaving.put(profile, a.get("savesBytes").asLong());
                }
            });
            if (profile.equals("safe")) {
                assertThat(ids).as(profile).doesNotContain("stubs-and-docs", "tests");
            }
        }
        assertThat(testsSaving.get("none")).isPositive();
    }

    private CliRun run(String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, REQUIREMENTS.toString(), "--python-version", "3.11", "--glibc", "2.34",
                "--json"));
        for (Path root : index.roots()) {
            args.add(args.contains("--index-url") ? "--extra-index-url" : "--index-url");
            args.add(root.toUri().toString());
        }
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static JsonNode json(CliRun r, int exit) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(exit);
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void planPredictsTheUnslimmedLayerToTheByte() {
        assertThat(none.get("unzippedBytes").asLong()).isPositive()
                .isEqualTo(planNone.get("predictedUnzippedBytes").asLong());
        assertThat(planNone.get("layers")).hasSize(1);
        assertThat(planNone.get("layers").get(0).get("packages")).hasSize(none.get("packages").size());
    }

    @Test
    void everyEntryInflatesToItsSizeAndCrc() throws Exception {
        // entries copied from the wheels' deflate streams and entries compressed afresh must all check out
        long total = 0;
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(tmp.resolve("none.zip")))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                total += in.transferTo(java.io.OutputStream.nullOutputStream()); // ZipInputStream checks each CRC-32
            }
        }
        assertThat(total).isEqualTo(none.get("unzippedBytes").asLong());
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(tmp.resolve("safe.zip")))) {
            while (in.getNextEntry() != null) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
        }
    }

    @Test
    void twoBuildsInSeparateCachesGiveTheSameBytes() throws Exception {
        assertThat(noneOtherCache.get("cached").asBoolean()).isFalse();
        assertThat(noneOtherCache.get("sha256").asText()).isEqualTo(none.get("sha256").asText());
        assertThat(Files.mismatch(tmp.resolve("none.zip"), tmp.resolve("none-b.zip"))).isEqualTo(-1L);
    }

    @Test
    void aWarmRebuildIsCopiedFromTheBuildCacheWithTheSameReport() throws Exception {
        assertThat(none.get("cached").asBoolean()).isFalse();
        assertThat(noneWarm.get("cached").asBoolean()).isTrue();
        assertThat(noneWarm.get("sha256").asText()).isEqualTo(none.get("sha256").asText());
        assertThat(noneWarm.get("unzippedBytes").asLong()).isEqualTo(none.get("unzippedBytes").asLong());
        assertThat(Files.mismatch(tmp.resolve("none.zip"), tmp.resolve("none-again.zip"))).isEqualTo(-1L);
    }

    @Test
    void slimProfilesShrinkTheLayerAndReportEachRule() {
        long n = none.get("unzippedBytes").asLong();
        long s = safe.get("unzippedBytes").asLong();
        long a = aggressive.get("unzippedBytes").asLong();
        System.out.printf("layer sizes (unzipped/zipped): none %d/%d, safe %d/%d, aggressive+drive.v3 %d/%d%n", n,
                none.get("zippedBytes").asLong(), s, safe.get("zippedBytes").asLong(), a, aggressive.get("zippedBytes").asLong());
        assertThat(s).isLessThan(n);
        assertThat(a).isLessThan(s);
        long removedSum = 0;
        for (JsonNode r : safe.get("removed")) {
            assertThat(r.get("bytes").asLong()).isPositive();
            removedSum += r.get("bytes").asLong();
        }
        assertThat(removedSum).isEqualTo(n - s);
        assertThat(aggressive.get("removed").findValuesAsText("rule")).contains("discovery");
    }

    @Test
    void keepingOneDiscoveryDocumentFitsWithRoomToSpareAndEveryModuleImports() {
        assertThat(aggressive.get("unzippedBytes").asLong()).isLessThan(LIMIT - 50L * 1024 * 1024);
        JsonNode imports = aggressive.get("imports");
        assertThat(imports.get("skipped")).as("python3.11 must be on the PATH").isNull();
        assertThat(imports.get("python").asText()).isEqualTo("python3.11");
        List<String> modules = new ArrayList<>();
        imports.get("modules").forEach(m -> modules.add(m.asText()));
        assertThat(modules).contains("numpy", "googleapiclient", "grpc", "sqlalchemy", "pydantic", "psycopg2");
        assertThat(imports.get("failures")).isEmpty();
        assertThat(imports.get("passed").asBoolean()).isTrue();
    }

    @Test
    void checkingImportsLeavesNoBytecodeInTheLayer() throws Exception {
        // only bytecode the wheels ship themselves (numpy has one), none written by the import check
        try (java.util.zip.ZipFile checked = new java.util.zip.ZipFile(tmp.resolve("aggressive.zip").toFile());
             java.util.zip.ZipFile shipped = new java.util.zip.ZipFile(tmp.resolve("none.zip").toFile())) {
            List<String> fromWheels = shipped.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".pyc")).toList();
            assertThat(checked.stream().map(java.util.zip.ZipEntry::getName).filter(n -> n.endsWith(".pyc")).toList())
                    .isSubsetOf(fromWheels);
        }
    }
}
