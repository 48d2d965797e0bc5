package dev.layerfit.release;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program with a chosen environment (nothing inherited but what is given) and captures its output. */
record Shell(int exitCode, String out, String err) {

    /** The repository checkout the tests run in. */
    static Path repo() {
        return Path.of(System.getProperty("layerfit.repo", ".")).toAbsolutePath().normalize();
    }

    static Shell run(Path cwd, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile("shell-out", ".txt");
        Path err = Files.createTempFile("shell-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + String.join(" ", command));
        }
        Shell s = new Shell(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return s;
    }

    /**
     * A folder of symlinks to just the given tools, to be the whole PATH: so a test knows there is no java on it.
     * Tools the machine lacks are left out.
     */
    static Path toolsOnly(Path dir, String... tools) throws IOException {
        Files.createDirectories(dir);
        for (String tool : tools) {
            for (String d : List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin")) {
                Path p = Path.of(d, tool);
                if (Files.isExecutable(p)) {
                    // a wrapper, not a symlink: JUnit's temp-folder clean-up warns about every link leaving it
                    Path w = Files.writeString(dir.resolve(tool), "#!/bin/sh\nexec " + p + " \"$@\"\n");
                    Files.setPosixFilePermissions(w, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                    break;
                }
            }
        }
        return dir;
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }
}
