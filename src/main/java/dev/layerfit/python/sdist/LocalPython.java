package dev.layerfit.python.sdist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The machine's Python interpreter that runs sdist builds: {@code $LAYERFIT_PYTHON}, else {@code python3} on the
 * {@code PATH}. It needs Python 3.11 or newer (the frontend reads {@code pyproject.toml} with {@code tomllib}).
 *
 * @param executable  the interpreter to run
 * @param fullVersion its {@code platform.python_version()}, e.g. {@code 3.11.7}
 * @param machine     {@code x86_64} or {@code aarch64}
 * @param glibcMajor  the glibc it runs on (2 when unknown)
 * @param glibcMinor  17 when unknown: the backends installed for it are pure wheels
 */
public record LocalPython(String executable, String fullVersion, String machine, int glibcMajor, int glibcMinor) {

    private static final Duration INSPECT_LIMIT = Duration.ofSeconds(30);

    /**
     * The interpreter to build with, found without running it (a file check on the {@code PATH}): {@code
     * $LAYERFIT_PYTHON} ({@code none} for no builds), else {@code python3}; empty when there is none.
     */
    public static Optional<String> onPath() {
        String configured = System.getenv("LAYERFIT_PYTHON");
        String exe = configured == null || configured.isBlank() ? "python3" : configured.trim();
        if ("none".equals(exe)) {
            return Optional.empty();
        }
        if (exe.contains("/")) {
            return Files.isExecutable(Path.of(exe)) ? Optional.of(exe) : Optional.empty();
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, exe))) {
                return Optional.of(exe);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code exe} once to learn its version and platform; empty when it does not run or is older than 3.11. */
    public static Optional<LocalPython> inspect(String exe) {
        try {
            Path dir = Files.createTempDirectory("layerfit-python-");
            try {
                Path out = dir.resolve("answer.json");
                Path log = dir.resolve("output.txt");
                BuildProcess.Result r = BuildProcess.run(List.of(exe, "-I", Frontend.script(dir).toString(), "inspect",
                        out.toString()), dir, log, INSPECT_LIMIT);
                if (r.exitCode() != 0 || !Files.isRegularFile(out)) {
                    return Optional.empty();
                }
                JsonNode a = new ObjectMapper().readTree(out.toFile());
                String version = a.get("version").asText();
                String[] v = version.split("\\.");
                if (v.length < 2 || Integer.parseInt(v[0]) != 3 || Integer.parseInt(v[1]) < 11) {
                    return Optional.empty();
                }
                int glibcMajor = 2;
                int glibcMinor = 17;
                String[] g = a.get("libcVersion").asText().split("\\.");
                if ("glibc".equals(a.get("libc").asText()) && g.length >= 2) {
                    glibcMajor = Integer.parseInt(g[0]);
                    glibcMinor = Integer.parseInt(g[1]);
                }
                return Optional.of(new LocalPython(exe, version.replaceAll("[^0-9.].*$", ""), a.get("machine").asText(),
                        glibcMajor, glibcMinor));
            } finally {
                BuildProcess.deleteTree(dir);
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The frontend script, copied from the jar into a folder. */
    static final class Frontend {
        private Frontend() {
        }

        static Path script(Path dir) {
            Path script = dir.resolve("layerfit_pep517_frontend.py");
            try (InputStream in = LocalPython.class.getResourceAsStream("pep517_frontend.py")) {
                if (in == null) {
                    throw new IllegalStateException("pep517_frontend.py is missing from the jar");
                }
                Files.copy(in, script);
                return script;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
