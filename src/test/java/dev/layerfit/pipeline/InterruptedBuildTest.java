package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.LocalIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build stopped mid-way (SIGTERM from {@link Process#destroy()}, which runs the same shutdown hooks as Ctrl-C's
 * SIGINT) leaves no output and no temporary folders: layerfit runs in a child JVM on the local index.
 */
class InterruptedBuildTest {

    @TempDir
    Path tmp;

    @Test
    void stoppingABuildLeavesNoOutputAndNoTemporaryFiles() throws Exception {
        LocalIndex index = LocalIndex.require();
        Path cache = tmp.resolve("cache");
        Path outDir = Files.createDirectories(tmp.resolve("out"));
        Path output = outDir.resolve("layer.zip");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.layerfit.cli.Main", "build",
                RealIndexBuildTest.REQUIREMENTS.toAbsolutePath().toString(), "--python-version", "3.11", "--glibc", "2.34",
                "--slim", "none", "-o", output.toString()));
        for (Path root : index.roots()) {
            command.add(command.contains("--index-url") ? "--extra-index-url" : "--index-url");
            command.add(root.toUri().toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile());
        pb.environment().put("LAYERFIT_CACHE_DIR", cache.toString());
        Process p = pb.start();
        Path builds = cache.resolve("builds");
        boolean sawWork = false;
        // wait (without a time assertion) until the build has a work folder, i.e. is past resolving
        for (int i = 0; i < 6000 && p.isAlive() && !sawWork; i++) {
            sawWork = !tempFolders(builds).isEmpty();
            if (!sawWork) {
                Thread.sleep(10);
            }
        }
        assertThat(sawWork).as("the build should have started its work folder; log: %s", Files.readString(tmp.resolve("log.txt")))
                .isTrue();
        Thread.sleep(300); // let it get into downloading/installing
        p.destroy();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).doesNotExist();
        assertThat(tempFolders(builds)).isEmpty();
        try (Stream<Path> s = Files.list(outDir)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    private static List<Path> tempFolders(Path builds) throws Exception {
        if (!Files.isDirectory(builds)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(builds)) {
            return s.filter(f -> f.getFileName().toString().startsWith("tmp-")).toList();
        }
    }
}
