package dev.layerfit.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Imports every top-level module of a built layer with a local {@code python3.X} of the target's version, in a
 * subprocess with a time limit: isolated mode ({@code -I}, no user site) without the {@code site} module ({@code -S})
 * and without writing bytecode into the layer ({@code -B}),
 * so {@code sys.path} is the layer's site folder and the standard library only.
 */
public final class ImportVerifier {

    static final long TIMEOUT_SECONDS = 300;

    private static final String SCRIPT = String.join("\n",
            "import sys, importlib, traceback",
            "sys.path.insert(0, sys.argv[1])",
            "for name in sys.argv[2:]:",
            "    try:",
            "        importlib.import_module(name)",
            "        print('ok\\t' + name, flush=True)",
            "    except BaseException as e:",
            "        last = traceback.format_exception_only(type(e), e)[-1].strip().replace('\\n', ' ')",
            "        print('fail\\t' + name + '\\t' + last, flush=True)",
            "");

    private ImportVerifier() {
    }

    /** Imports the site folder's top-level names with {@code python3.X} (X from {@code pythonVersion} "3.X"). */
    public static ImportCheck verify(Path site, String pythonVersion) throws IOException {
        String python = "python" + pythonVersion;
        Path exe = onPath(python);
        if (exe == null) {
            return new ImportCheck(null, List.of(), List.of(), "no " + python + " on the PATH, so imports were not checked;"
                    + " install Python " + pythonVersion + " to check them");
        }
        Set<String> names = TopLevelNames.of(site);
        List<String> command = new ArrayList<>(List.of(exe.toString(), "-I", "-S", "-B", "-c", SCRIPT, site.toAbsolutePath().toString()));
        command.addAll(names);
        Path log = Files.createTempFile("layerfit-imports", ".txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(site.toFile()).start();
            try {
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    return new ImportCheck(python, List.copyOf(names), List.of(new ImportCheck.Failure("(all)",
                            "importing took longer than " + TIMEOUT_SECONDS + " s")), null);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while checking imports");
            }
            List<ImportCheck.Failure> failures = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t", 3);
                if (parts.length >= 2 && parts[0].equals("ok")) {
                    seen.add(parts[1]);
                } else if (parts.length == 3 && parts[0].equals("fail")) {
                    seen.add(parts[1]);
                    failures.add(new ImportCheck.Failure(parts[1], parts[2]));
                }
            }
            for (String n : names) {
                if (!seen.contains(n)) {
                    failures.add(new ImportCheck.Failure(n, "the interpreter stopped before importing it (exit " + p.exitValue() + ")"));
                }
            }
            return new ImportCheck(python, List.copyOf(names), failures, null);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
