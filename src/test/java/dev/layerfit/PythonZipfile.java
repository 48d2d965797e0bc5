package dev.layerfit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a small script under Python's zipfile module, the reference reader the tests compare with. */
public final class PythonZipfile {

    private PythonZipfile() {
    }

    /** Skips the calling test, with a message, when python3 is absent. */
    public static void require() {
        assumeTrue(onPath("python3"),
                "SKIPPED: python3 is not installed; this test compares with Python's zipfile module");
    }

    /** The stdout bytes of {@code python3 -c script args...}; fails the test when Python fails. */
    public static byte[] run(String script, String... args) throws IOException, InterruptedException {
        require();
        List<String> command = new ArrayList<>(List.of("python3", "-c", script));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("python3 exit code").isZero();
        return out;
    }

    public static String runText(String script, String... args) throws IOException, InterruptedException {
        return new String(run(script, args), StandardCharsets.UTF_8);
    }

    /** Whether {@code command} is an executable on the PATH. */
    public static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":"))
                .anyMatch(d -> java.nio.file.Files.isExecutable(java.nio.file.Path.of(d, command)));
    }

    /** Python's figure for a zip: {@code sum(i.file_size for i in ZipFile(p).infolist())}. */
    public static long unzippedBytes(java.nio.file.Path zip) throws IOException, InterruptedException {
        return Long.parseLong(runText("import sys, zipfile; print(sum(i.file_size for i in "
                + "zipfile.ZipFile(sys.argv[1]).infolist()))", zip.toString()).strip());
    }
}
