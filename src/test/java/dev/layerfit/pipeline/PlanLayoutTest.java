package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import dev.layerfit.LocalIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan}'s layout on real wheels: the user's grouping kept when it fits, each distribution in one layer. */
class PlanLayoutTest {

    @TempDir
    Path tmp;

    private JsonNode plan(int maxLayers, Path... files) throws Exception {
        LocalIndex index = LocalIndex.require();
        List<String> args = new ArrayList<>(List.of("plan"));
        for (Path f : files) {
            args.add(f.toString());
        }
        args.addAll(List.of("--python-version", "3.11", "--glibc", "2.34", "--slim", "none", "--max-layers", String.valueOf(maxLayers), "--json"));
        for (Path root : index.roots()) {
            args.add(args.contains("--index-url") ? "--extra-index-url" : "--index-url");
            args.add(root.toUri().toString());
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    private static Set<String> packages(JsonNode layer) {
        Set<String> s = new HashSet<>();
        layer.get("packages").forEach(p -> s.add(p.asText()));
        return s;
    }

    @Test
    void layersOfFilesWithTheSameNameAreNamedAfterTheirFolders() throws Exception {
        Path api = Files.createDirectories(tmp.resolve("api"));
        Path ml = Files.createDirectories(tmp.resolve("ml"));
        JsonNode plan = plan(5, Files.writeString(api.resolve("requirements.txt"), "google-auth==2.59.1\n"),
                Files.writeString(ml.resolve("requirements.txt"), "numpy==2.2.6\n"));
        List<String> names = new ArrayList<>();
        plan.get("layers").forEach(l -> names.add(l.get("name").asText()));
        assertThat(names).containsExactlyInAnyOrder("api", "ml");
    }

    @Test
    void eachFileIsALayerAndASharedDependencyGoesToTheFirst() throws Exception {
        Path google = Files.writeString(tmp.resolve("google.txt"), "google-api-python-client==2.201.0\n");
        Path auth = Files.writeString(tmp.resolve("auth.txt"), "google-auth==2.59.1\nnumpy==2.2.6\n");
        JsonNode plan = plan(5, google, auth);
        JsonNode layers = plan.get("layers");
        assertThat(layers).hasSize(2);
        Set<String> first = packages(layers.get(0));
        Set<String> second = packages(layers.get(1));
        assertThat(first).contains("google-auth==2.59.1", "google-api-python-client==2.201.0");
        assertThat(second).containsExactly("numpy==2.2.6").doesNotContain("google-auth==2.59.1");
        assertThat(first).doesNotContainAnyElementsOf(second);
        assertThat(plan.get("notes").toString()).contains("google-auth==2.59.1 is needed by google.txt, auth.txt");
        long sum = layers.get(0).get("predictedUnzippedBytes").asLong() + layers.get(1).get("predictedUnzippedBytes").asLong();
        assertThat(plan.get("predictedUnzippedBytes").asLong()).isEqualTo(sum);

        JsonNode merged = plan(1, google, auth);
        assertThat(merged.get("layers")).hasSize(1);
        Set<String> all = new HashSet<>(first);
        all.addAll(second);
        assertThat(packages(merged.get("layers").get(0))).isEqualTo(all);
        assertThat(merged.get("notes").toString()).contains("merged");
    }
}
