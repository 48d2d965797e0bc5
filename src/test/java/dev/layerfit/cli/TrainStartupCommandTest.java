package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import org.junit.jupiter.api.Test;

/** The release's start-up archive is made from this run: a step that fails would leave its classes out unnoticed. */
class TrainStartupCommandTest {

    @Test
    void everyTrainingStepEndsAsExpected() {
        CliRun run = CliRun.of("dev", "train-startup");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }
}
