package dev.layerfit.layer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A simple static check of which candidate folders (test or docs packages) other modules import: each line of
 * each {@code .py} file outside the folder that starts with {@code import M} or {@code from M import N} is read,
 * relative modules ({@code from .tests import x}, {@code from . import tests}) resolved against the file's
 * package; a folder {@code a/b/tests} counts as imported when a module is {@code a.b.tests} or below it. Imports
 * built at run time ({@code importlib.import_module("a.b.tests")}) are not seen; use {@code --keep} for those.
 */
final class ImportScan {

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(.+)$");
    private static final Pattern FROM = Pattern.compile("^\\s*from\\s+(\\.*)([\\w.]*)\\s+import\\s+(.+)$");

    private final Set<String> candidateModules = new HashSet<>();
    private final Map<String, Set<String>> importers = new HashMap<>();

    ImportScan(Set<String> candidateFolders) {
        for (String folder : candidateFolders) {
            candidateModules.add(folder.replace('/', '.'));
        }
    }

    /** Reads one module's source, at site-relative {@code path}. */
    void scan(String path, String source) {
        if (candidateModules.isEmpty()) {
            return;
        }
        String[] parts = path.split("/");
        String pkg = String.join(".", java.util.Arrays.copyOf(parts, parts.length - 1));
        for (String line : source.split("\n")) {
            Matcher m = IMPORT.matcher(line);
            if (m.matches()) {
                for (String item : m.group(1).split(",")) {
                    note(path, item.trim().split("\\s+")[0]);
                }
                continue;
            }
            m = FROM.matcher(line);
            if (m.matches()) {
                String base = m.group(2);
                int dots = m.group(1).length();
                if (dots > 0) {
                    String[] pkgParts = pkg.isEmpty() ? new String[0] : pkg.split("\\.");
                    int keep = pkgParts.length - (dots - 1);
                    if (keep < 0) {
                        continue;
                    }
                    String parent = String.join(".", java.util.Arrays.copyOf(pkgParts, keep));
                    base = parent.isEmpty() ? base : base.isEmpty() ? parent : parent + "." + base;
                }
                note(path, base);
                for (String name : m.group(3).replace("(", "").replace(")", "").split(",")) {
                    String n = name.trim().split("\\s+")[0];
                    if (!n.isEmpty()) {
                        note(path, base + "." + n);
                    }
                }
            }
        }
    }

    private void note(String fromPath, String module) {
        for (String candidate : candidateModules) {
            if (module.equals(candidate) || module.startsWith(candidate + ".")) {
                String folder = candidate.replace('.', '/');
                if (!fromPath.startsWith(folder + "/")) {
                    importers.computeIfAbsent(folder, k -> new HashSet<>()).add(fromPath);
                }
            }
        }
    }

    /** Each candidate folder some module outside it imports, with those modules. */
    ModuleImports imports() {
        return new ModuleImports(importers);
    }
}
