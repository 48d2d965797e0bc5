package dev.layerfit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a small script under Python's zipfile module, the reference reader the tests compare with. */
final class PythonZipfile {

    private PythonZipfile() {
    }

    /** Skips the calling test, with a message, when python3 is absent. */
    static void require() {
        assumeTrue(FolderArtifactTest.onPath("python3"),
                "SKIPPED: python3 is not installed; this test compares with Python's zipfile module");
    }

    /** The stdout bytes of {@code python3 -c script args...}; fails the test when Python fails. */
    static byte[] run(String script, String... args) throws IOException, InterruptedException {
        require();
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("python3 exit code").isZero();
        return out;
    }

    static String runText(String script, String... args) throws IOException, InterruptedException {
        return new String(run(script, args), StandardCharsets.UTF_8);
    }
}
