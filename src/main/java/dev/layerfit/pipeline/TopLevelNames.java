package dev.layerfit.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The top-level import names a site folder provides: each {@code *.dist-info/top_level.txt}, else the first path
 * segment of each RECORD row (a folder, or a module file's name before its first dot). Names starting with '_',
 * names that are not identifiers ({@code numpy.libs}, {@code bin}) and test-only names are left out.
 */
public final class TopLevelNames {

    static final Set<String> TEST_ONLY = Set.of("test", "tests", "testing", "conftest", "examples", "docs", "benchmarks");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private TopLevelNames() {
    }

    /** Sorted names to import. */
    public static Set<String> of(Path site) throws IOException {
        TreeSet<String> names = new TreeSet<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(site, "*.dist-info")) {
            for (Path distInfo : dirs) {
                Path topLevel = distInfo.resolve("top_level.txt");
                if (Files.isRegularFile(topLevel)) {
                    for (String line : Files.readAllLines(topLevel, StandardCharsets.UTF_8)) {
                        add(names, line.strip().replace('/', '.'), site);
                    }
                } else if (Files.isRegularFile(distInfo.resolve("RECORD"))) {
                    for (String line : Files.readAllLines(distInfo.resolve("RECORD"), StandardCharsets.UTF_8)) {
                        String path = line.startsWith("\"") ? line.substring(1) : line;
                        int slash = path.indexOf('/');
                        int comma = path.indexOf(',');
                        String first = slash >= 0 && (comma < 0 || slash < comma) ? path.substring(0, slash)
                                : moduleOf(comma < 0 ? path : path.substring(0, comma));
                        add(names, first, site);
                    }
                }
            }
        }
        return names;
    }

    private static String moduleOf(String file) {
        if (!(file.endsWith(".py") || file.endsWith(".so") || file.endsWith(".pyd"))) {
            return "";
        }
        int dot = file.indexOf('.');
        return file.substring(0, dot);
    }

    private static void add(Set<String> names, String name, Path site) {
        String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
        if (top.isEmpty() || top.startsWith("_") || !IDENTIFIER.matcher(top).matches() || TEST_ONLY.contains(top)
                || top.endsWith("-stubs")) {
            return;
        }
        // top_level.txt may name modules the wheel does not ship on this platform
        if (Files.isDirectory(site.resolve(top)) || Files.exists(site.resolve(top + ".py")) || hasExtension(site, top)) {
            names.add(top);
        }
    }

    private static boolean hasExtension(Path site, String top) {
        try (DirectoryStream<Path> s = Files.newDirectoryStream(site, top + ".*")) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                if (n.endsWith(".so") || n.endsWith(".pyd")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
