package dev.layerfit.check;

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
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check} on the example project with its managed-layer mapping removed: the managed layer is built from
 * requirements.txt as Chalice would (site-packages layout, no slimming) into the build cache, measured, and
 * reused by a second check; without a reachable index the error points at --managed-layer.
 */
class ComputedManagedLayerTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    @TempDir
    Path tmp;

    private Path project;

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
    }

    private CliRun check(List<String> index) {
        List<String> args = new ArrayList<>(List.of("check", project.toString(), "--offline", "--function", "api_handler",
                "--deploy-python", "3.11", "--deploy-glibc", "2.36", "--json"));
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
        JsonNode root = new ObjectMapper().readTree(first.out());
        // Chalice resolves on the deploying machine (glibc 2.36), then drops what has no wheel it accepts for python3.11
        assertThat(root.get("leftOut").findValuesAsText("distribution")).contains("cryptography");
        for (JsonNode item : root.get("leftOut")) {
            assertThat(item.get("reason").asText()).startsWith(item.get("distribution").asText() + " " + item.get("version").asText() + " has ");
            assertThat(item.get("artifact").asText()).isEqualTo("managed layer");
        }
        assertThat(root.get("leftOutHeading").asText()).isEqualTo("Chalice will leave out");

        CliRun second = check(index);
        assertThat(second.out()).contains("(from the build cache)");
        assertThat(new ObjectMapper().readTree(second.out()).get("totalUnzippedBytes").asLong())
                .isEqualTo(root.get("totalUnzippedBytes").asLong());
    }

    @Test
    void withoutAnIndexTheErrorSaysToPassTheManagedLayer() throws Exception {
        CliRun r = check(List.of("--no-index"));
        assertThat(r.exitCode()).isIn(2, 3);
        assertThat(r.err()).contains("--managed-layer").hasLineCount(1);
    }
}
