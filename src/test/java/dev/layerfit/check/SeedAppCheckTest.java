package dev.layerfit.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's first command: the bundled example must report the failure and its cause, offline. */
class SeedAppCheckTest {

    private static final Path SEED_APP = Path.of(System.getProperty("layerfit.repo", "."), "examples", "seed-app");

    @Test
    void prodStageFailsBecauseTheManagedLayerRepeatsTheLayers() throws Exception {
        CliRun run = CliRun.of("check", SEED_APP.toString(), "--stage", "prod");
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.out())
                .contains("Layers consume more than the available size of 262144000 bytes")
                .contains("the managed layer repeats")
                .contains("set \"automatic_layer\": false in stages.prod")
                .contains("DOES NOT FIT");

        JsonNode j = new ObjectMapper().readTree(CliRun.of("check", SEED_APP.toString(), "--stage", "prod", "--json").out());
        assertThat(j.get("fits").asBoolean()).isFalse();
        assertThat(j.get("artifacts")).hasSize(6);
        assertThat(j.get("totalUnzippedBytes").asLong()).isGreaterThan(262_144_000L);
        assertThat(j.get("advice").findValuesAsText("id")).contains("automatic-layer-duplicates", "discovery-documents",
                "bytecode");
    }
}
