package dev.layerfit.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The target's full Python version decides {@code python_full_version} markers, on the real redis wheel of the local
 * index ({@code Requires-Dist: async-timeout>=4.0.3; python_full_version < '3.11.3'}). async-timeout is not on the
 * index, so a target below 3.11.3 cannot be satisfied, and one at or above it resolves to redis alone.
 */
class FullPythonVersionTest {

    @TempDir
    Path links;
    @TempDir
    Path work;

    @BeforeEach
    void redisWheel() throws IOException {
        List<Path> redis = LocalIndex.require().wheels("redis");
        assumeTrue(!redis.isEmpty(), "SKIPPED: the local index has no redis wheel; this test needs its real metadata");
        for (Path w : redis) {
            Files.copy(w, links.resolve(w.getFileName()));
        }
    }

    private CliRun resolve(String... target) throws IOException {
        Path req = Files.writeString(work.resolve("requirements.txt"), "redis\n");
        List<String> args = new java.util.ArrayList<>(List.of("resolve", req.toString(), "--no-index", "--find-links",
                links.toString(), "--json"));
        args.addAll(List.of(target));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void lambdaPython311IsARecentPatchReleaseSoRedisNeedsNoAsyncTimeout() throws IOException {
        CliRun run = resolve("--runtime", "python3.11");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(run.out());
        assertThat(root.get("target").get("pythonFullVersion").asText()).isEqualTo("3.11.14");
        assertThat(root.get("packages")).hasSize(1);
        assertThat(root.get("packages").get(0).get("name").asText()).isEqualTo("redis");
    }

    @Test
    void aCustomTargetTakesTheFullVersionFromPythonVersion() throws IOException {
        CliRun old = resolve("--python-version", "3.11.2", "--glibc", "2.26");
        assertThat(old.exitCode()).as(old.out() + old.err()).isEqualTo(1);
        assertThat(old.err()).contains("async-timeout").contains("unsatisfiable");

        CliRun fixed = resolve("--python-version", "3.11.3", "--glibc", "2.26");
        assertThat(fixed.exitCode()).as(fixed.err()).isZero();
        assertThat(new ObjectMapper().readTree(fixed.out()).get("packages")).hasSize(1);

        CliRun bare = resolve("--python-version", "3.11", "--glibc", "2.26");
        assertThat(bare.exitCode()).as("3.11 means 3.11.0, as for pip's --python-version").isEqualTo(1);
    }
}
