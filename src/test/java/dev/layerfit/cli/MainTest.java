package dev.layerfit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    @Test
    void versionNamesTheTool() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("layerfit ");
    }

    @Test
    void versionWithoutPicocliPrintsWhatPicocliWould() {
        StringWriter picocli = new StringWriter();
        new CommandLine(LayerfitCommand.model()).printVersionHelp(new PrintWriter(picocli, true));
        assertThat(CliRun.of("--version").out()).isEqualTo(picocli.toString());
        assertThat(CliRun.of("-V").out()).isEqualTo(picocli.toString());
        assertThat(CliRun.of("--version", "--verbose").exitCode()).isZero(); // through picocli
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
