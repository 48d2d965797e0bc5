package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The examples in {@code layerfit --help} run as written, from the checkout, with the exit codes they imply. */
class RootHelpExamplesTest {

    @Test
    void everyExampleOfTheRootHelpRuns() {
        CliRun help = CliRun.of("--help");
        List<String> examples = new ArrayList<>();
        for (String line : help.out().split("\n")) {
            if (line.startsWith("  layerfit ")) {
                examples.add(line.strip().substring("layerfit ".length()).replaceAll(" >.*$", ""));
            }
        }
        assertThat(examples).hasSize(3);
        for (String example : examples) {
            CliRun run = CliRun.of(example.split(" +"));
            int expected = example.startsWith("check examples/seed-app --stage prod") ? 1 : 0; // the example does not fit
            assertThat(run.exitCode()).as("layerfit %s: %s", example, run.err()).isEqualTo(expected);
        }
    }
}
