package dev.layerfit.report;

import dev.layerfit.progress.Progress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The progress bar appears on a terminal and nowhere else. The end-to-end cases run layerfit in a real
 * pseudo-terminal with util-linux {@code script} (skipped when it is missing).
 */
class ProgressTerminalTest {

    private static final Path REPO = Path.of(System.getProperty("layerfit.repo", "")).toAbsolutePath();
    private static final String BAR = "measuring 2 artifacts [" + "#".repeat(TerminalProgress.WIDTH) + "] 2/2";

    @Test
    void terminalBarRedrawsInPlaceAndEndsAtTheTotal() {
        StringWriter err = new StringWriter();
        try (Progress.Task t = TerminalProgress.choose(true, false, new PrintWriter(err)).start("zipping", 4)) {
            t.advance(1);
            t.advance(3);
            t.advance(5); // never past the total
        }
        assertThat(err.toString()).startsWith("\rzipping [" + "-".repeat(TerminalProgress.WIDTH) + "] 0/4")
                .contains("\rzipping [" + "#".repeat(7) + "-".repeat(23) + "] 1/4")
                .endsWith("\rzipping [" + "#".repeat(30) + "] 4/4\n");
    }

    @Test
    void nothingWithJsonOrWithoutATerminal() {
        assertThat(TerminalProgress.choose(true, true, new PrintWriter(new StringWriter()))).isSameAs(Progress.NONE);
        assertThat(TerminalProgress.choose(false, false, new PrintWriter(new StringWriter()))).isSameAs(Progress.NONE);
    }

    @Test
    void barIsShownInAPseudoTerminal() throws Exception {
        String out = inTerminal(layerfit("analyze"));
        assertThat(out).contains(BAR).contains("All 2 together");
    }

    @Test
    void noBarWithJsonEvenOnATerminal() throws Exception {
        String out = inTerminal(layerfit("analyze") + " --json");
        assertThat(out).contains("\"artifacts\"").doesNotContain("measuring", "[#");
    }

    @Test
    void noBarWhenOutputIsPiped() throws Exception {
        String out = inTerminal(layerfit("analyze") + " 2>&1 | cat");
        assertThat(out).contains("All 2 together").doesNotContain("measuring", "[#");
    }

    private static String layerfit(String command) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return "'" + Path.of(System.getProperty("java.home"), "bin", "java") + "' -cp '" + cp + "' dev.layerfit.cli.Main "
                + command + " examples/seed-app/layers/db.listing examples/seed-app/layers/utils.listing";
    }

    /** Runs a shell command with a pseudo-terminal as its stdin, stdout and stderr; returns what it printed. */
    private static String inTerminal(String shellCommand) throws Exception {
        String script = HtmlReportBrowserTest.onPath("script");
        assumeTrue(script != null, "util-linux `script` is not installed: pseudo-terminal checks skipped");
        Process p = new ProcessBuilder(List.of(script, "-qec", shellCommand, "/dev/null")).directory(REPO.toFile())
                .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new String(bytes, StandardCharsets.UTF_8);
    }

}
