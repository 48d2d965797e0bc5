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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on the example project with its managed-layer mapping removed: the managed layer is built from
 * requirements.txt as Chalice would (site-packages layout, no slimming) into the build cache, measured, and
 * reused by a second check; without a reachable index the error points at --managed-layer.
 */
class ComputedManagedLayerTest {

    @TempDir
    Path tmp;

    private Path project;
    private String savedCache;

    @BeforeEach
    void copyTheExampleWithoutItsManagedLayerMapping() throws Exception {
        Path source = Path.of("examples/seed-app");
        project = tmp.resolve("app");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path target = project.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Path map = project.resolve("layerfit.json");
        String json = Files.readString(map).replaceAll(",\\s*\"managedLayer\"\\s*:\\s*\"[^\"]*\"", "");
        assertThat(json).doesNotContain("managedLayer");
        Files.writeString(map, json);
        savedCache = System.getProperty("layerfit.cache.dir");
        System.setProperty("layerfit.cache.dir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (savedCache == null) {
            System.clearProperty("layerfit.cache.dir");
        } else {
            System.setProperty("layerfit.cache.dir", savedCache);
        }
    }

    private CliRun check(List<String> index) {
        List<String> args = new ArrayList<>(List.of("check", project.toString(), "--offline", "--python-version", "3.11",
                "--glibc", "2.34", "--json"));
        args.addAll(index);
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void theManagedLayerIsBuiltOnceAndMeasured() throws Exception {
        LocalIndex local = LocalIndex.require();
        List<String> index = new ArrayList<>();
        for (Path root : local.roots()) {
            index.add(index.contains("--index-url") ? "--extra-index-url" : "--index-url");
            index.add(root.toUri().toString());
        }
        CliRun first = check(index);
        assertThat(first.exitCode()).as(first.err()).isEqualTo(1); // the example does not fit
        JsonNode artifacts = new ObjectMapper().readTree(first.out()).get("artifacts");
        JsonNode managed = null;
        for (JsonNode a : artifacts) {
            if (a.get("role").asText().contains("managed")) {
                managed = a;
            }
        }
        assertThat(managed).as(first.out()).isNotNull();
        List<String> planArgs = new ArrayList<>(List.of("plan", project.resolve("requirements.txt").toString(),
                "--python-version", "3.11", "--glibc", "2.34", "--slim", "none", "--layout", "site-packages", "--json"));
        planArgs.addAll(index);
        CliRun plan = CliRun.of(planArgs.toArray(String[]::new));
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(managed.get("unzippedBytes").asLong())
                .isEqualTo(new ObjectMapper().readTree(plan.out()).get("predictedUnzippedBytes").asLong());

        CliRun second = check(index);
        assertThat(second.out()).contains("from the build cache");
        assertThat(second.out()).isEqualTo(first.out().replace("for custom (Python 3.11, glibc 2.34) on x86_64;",
                "for custom (Python 3.11, glibc 2.34) on x86_64 (from the build cache);"));
    }

    @Test
    void withoutAnIndexTheErrorSaysToPassTheManagedLayer() throws Exception {
        CliRun r = check(List.of("--no-index"));
        assertThat(r.exitCode()).isIn(2, 3);
        assertThat(r.err()).contains("--managed-layer").hasLineCount(1);
    }
}
