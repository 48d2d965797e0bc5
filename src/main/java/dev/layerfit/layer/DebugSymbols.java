package dev.layerfit.layer;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Set;

/**
 * Strips debug symbols ({@code strip --strip-debug}, GNU binutils) from native libraries of a site folder:
 * {@code *.so} and {@code *.so.N...} files not under a {@code *.libs/} folder (auditwheel's vendored libraries,
 * whose hashes other libraries may pin) and not matching a {@code --keep} glob. Reports rule {@code debug-symbols}.
 */
final class DebugSymbols {

    private DebugSymbols() {
    }

    static void strip(Path site, Set<String> files, Set<String> removed, List<String> keeps, List<RuleResult> results,
            List<String> notes) throws IOException {
        if (!onPath("strip")) {
            notes.add("debug symbols not stripped: the 'strip' command (GNU binutils) is not installed");
            return;
        }
        List<PathMatcher> keep = keeps.stream().map(g -> FileSystems.getDefault().getPathMatcher("glob:" + g)).toList();
        long saved = 0;
        int changed = 0;
        int failed = 0;
        for (String path : files) {
            if (removed.contains(path) || !isNativeLibrary(path) || keep.stream().anyMatch(m -> m.matches(Path.of(path)))) {
                continue;
            }
            Path file = site.resolve(path);
            long before = Files.size(file);
            if (!Slimmer.run(List.of("strip", "--strip-debug", file.toString()))) {
                failed++;
                continue;
            }
            long after = Files.size(file);
            if (after < before) {
                saved += before - after;
                changed++;
            }
        }
        if (changed > 0) {
            results.add(new RuleResult("debug-symbols", saved, changed));
        }
        if (failed > 0) {
            notes.add("strip --strip-debug failed on " + failed + " native librar" + (failed == 1 ? "y" : "ies") + ", left as they were");
        }
    }

    static boolean isNativeLibrary(String path) {
        for (String part : path.split("/")) {
            if (part.endsWith(".libs")) {
                return false;
            }
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        return name.endsWith(".so") || name.matches(".*\\.so(\\.\\d+)+");
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
