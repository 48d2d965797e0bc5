package dev.layerfit.python.sdist;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One run of the local Python with a time limit, its output (stdout and stderr) in a log file. */
final class BuildProcess {

    /** How many lines of a failed build's output a message shows (its end). */
    static final int SHOWN_LINES = 40;

    record Result(int exitCode, boolean timedOut) {
    }

    private BuildProcess() {
    }

    static Result run(List<String> command, Path workingDir, Path log, Duration limit) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("PYTHON") || k.startsWith("PIP_") || k.equals("VIRTUAL_ENV"));
        // reproducible archives from backends that honour it (setuptools/wheel, hatchling, flit-core): 1980-01-01
        env.put("SOURCE_DATE_EPOCH", "315532800");
        Process p = pb.start();
        try {
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, true);
            }
            return new Result(p.exitValue(), false);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }

    /** The last {@link #SHOWN_LINES} lines of the log, indented, for a message. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            List<String> shown = lines.subList(Math.max(0, lines.size() - SHOWN_LINES), lines.size());
            return (lines.size() > shown.size() ? "  [... " + (lines.size() - shown.size()) + " earlier lines]\n" : "")
                    + String.join("\n", shown.stream().map(l -> "  " + l).toList());
        } catch (IOException e) {
            return "  (no output could be read: " + e.getMessage() + ")";
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is harmless
        }
    }
}
