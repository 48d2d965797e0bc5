package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void versionNamesTheTool() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("layerfit ");
    }

    @Test
    void unknownOptionIsOneLineAndExitTwo() {
        CliRun run = CliRun.of("--no-such-flag");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option '--no-such-flag'").doesNotContain("Exception");
    }

    @Test
    void helpListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("analyze", "check", "explain").doesNotContain("dev ");
    }
}
