package dev.layerfit.project.serverless;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The files the Serverless Framework puts into a package, as serverless v3's
 * {@code lib/plugins/package/lib/package-service.js} chooses them: every file below the base folder (dot files
 * included, links followed, no folders), then each exclude as {@code !glob} and each include/pattern in order —
 * a later pattern wins, a {@code !} one removes, others add back. Default excludes: {@code .git/**},
 * {@code .gitignore}, {@code .DS_Store}, {@code npm-debug.log}, {@code yarn-*.log}, {@code .serverless/**},
 * {@code .serverless_plugins/**}, the configuration file and (for function packages) each layer's folder. Globs
 * follow micromatch with {@code dot: true}: {@code **} spans folders (and none), {@code *} and {@code ?} stay in one
 * name, {@code {a,b}} alternates.
 */
final class PackagePatterns {

    static final List<String> DEFAULT_EXCLUDES = List.of(".git/**", ".gitignore", ".DS_Store", "npm-debug.log",
            "yarn-*.log", ".serverless/**", ".serverless_plugins/**");

    private PackagePatterns() {
    }

    /**
     * The included files, relative to {@code base} with '/' separators, sorted.
     *
     * @param patterns in order: excludes already written as {@code !glob}, then the package's patterns
     */
    static List<String> select(Path base, List<String> patterns) throws IOException {
        Map<String, Boolean> state = new LinkedHashMap<>();
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base, FileVisitOption.FOLLOW_LINKS)) {
            files.filter(Files::isRegularFile).map(p -> base.relativize(p).toString().replace('\\', '/')).sorted()
                    .forEach(f -> state.put(f, true));
        }
        for (String p : patterns) {
            boolean exclude = p.startsWith("!");
            Pattern glob = compile(exclude ? p.substring(1) : p);
            for (Map.Entry<String, Boolean> e : state.entrySet()) {
                if (glob.matcher(e.getKey()).matches()) {
                    e.setValue(!exclude);
                }
            }
        }
        List<String> out = new ArrayList<>();
        state.forEach((f, in) -> {
            if (in) {
                out.add(f);
            }
        });
        return out;
    }

    /** A micromatch-style glob as a regular expression over '/'-separated relative paths. */
    static Pattern compile(String glob) {
        String g = glob.startsWith("./") ? glob.substring(2) : glob;
        StringBuilder re = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            if (c == '*' && i + 1 < g.length() && g.charAt(i + 1) == '*') {
                boolean slashAfter = i + 2 < g.length() && g.charAt(i + 2) == '/';
                if (slashAfter) {
                    re.append("(?:.*/)?");
                    i += 2;
                } else {
                    // "dir/**" matches what is below dir (and, in micromatch, dir itself)
                    if (re.length() >= 1 && re.charAt(re.length() - 1) == '/') {
                        re.setLength(re.length() - 1);
                        re.append("(?:/.*)?");
                    } else {
                        re.append(".*");
                    }
                    i += 1;
                }
            } else if (c == '*') {
                re.append("[^/]*");
            } else if (c == '?') {
                re.append("[^/]");
            } else if (c == '{') {
                braces++;
                re.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                re.append(')');
            } else if (c == ',' && braces > 0) {
                re.append('|');
            } else if (c == '[') {
                int end = g.indexOf(']', i + 1);
                if (end < 0) {
                    re.append("\\[");
                } else {
                    String cls = g.substring(i + 1, end).replace("\\", "\\\\");
                    re.append('[').append(cls.startsWith("!") ? "^" + cls.substring(1) : cls).append(']');
                    i = end;
                }
            } else if ("\\.+()|^$".indexOf(c) >= 0) {
                re.append('\\').append(c);
            } else {
                re.append(c);
            }
        }
        return Pattern.compile(re.toString());
    }
}
