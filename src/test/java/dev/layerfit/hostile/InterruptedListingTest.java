package dev.layerfit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C (SIGTERM here) while a listing is materialised leaves no temporary file in the cache. */
class InterruptedListingTest {

    @TempDir
    Path tmp;

    @Test
    void stoppingAMaterialisationLeavesNoTemporaryFile() throws Exception {
        Path listing = tmp.resolve("big.listing");
        StringBuilder text = new StringBuilder("# layerfit listing v2\n");
        for (int i = 0; i < 9; i++) {
            text.append("f\t100000000\t100000\tpython/blob").append(i).append(".bin\n"); // 900 MB of filler: seconds of work
        }
        Files.writeString(listing, text);
        Path cache = tmp.resolve("cache");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "dev.layerfit.cli.Main", "analyze", listing.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().put("LAYERFIT_CACHE_DIR", cache.toString());
        Process p = pb.start();
        boolean sawTemp = false;
        // wait (without a time assertion) until the zip is being written
        for (int i = 0; i < 12_000 && p.isAlive() && !sawTemp; i++) {
            sawTemp = !temporaryFiles(cache).isEmpty();
            if (!sawTemp) {
                Thread.sleep(10);
            }
        }
        assertThat(sawTemp).as("the materialisation should have started; log: %s", Files.readString(tmp.resolve("log.txt"))).isTrue();
        p.destroy();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(temporaryFiles(cache)).isEmpty();
    }

    private static List<Path> temporaryFiles(Path cache) throws Exception {
        if (!Files.isDirectory(cache)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".layerfit-tmp") || f.getFileName().toString().endsWith(".tmp"))
                    .toList();
        }
    }
}
