package dev.layerfit.layer;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which modules import each test or docs folder of a site tree (from {@link ImportScan}): the {@code tests} and
 * {@code docs} rules keep a folder only while a module that stays imports it, so a folder imported only from a test
 * suite that is itself left out goes too, and slimming a slimmed tree again removes nothing.
 *
 * @param importers site-relative folder to the site-relative paths of the modules outside it that import it
 */
public record ModuleImports(Map<String, Set<String>> importers) {

    /** Nothing read: every test and docs folder counts as unimported (an upper bound, as a dry run without sources). */
    public static final ModuleImports NONE = new ModuleImports(Map.of());

    public ModuleImports {
        importers = Map.copyOf(importers);
    }

    /** The folders some module not in {@code removed} imports. */
    Set<String> keptBy(Set<String> removed) {
        Set<String> out = new HashSet<>();
        importers.forEach((folder, from) -> {
            if (!removed.containsAll(from)) {
                out.add(folder);
            }
        });
        return out;
    }
}
