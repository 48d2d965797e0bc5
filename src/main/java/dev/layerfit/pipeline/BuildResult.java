package dev.layerfit.pipeline;

import dev.layerfit.layer.RuleResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a build wrote.
 *
 * @param output        the layer zip
 * @param sha256        its sha256 (lower-case hex)
 * @param unzippedBytes Lambda's unzipped size: the sum of file sizes
 * @param zippedBytes   the zip's length
 * @param entries       zip entries (files and folders)
 * @param removed       bytes and files each slim rule removed
 * @param packages      the pins, {@code name==version}, sorted
 * @param notes         warnings and notes, one sentence each
 * @param cached        true when the zip came from the build cache
 * @param key           the build cache key
 * @param imports       the import check, or null when not asked for
 * @param millis        wall time per step (pin, download, install, slim, zip, copy, verify)
 */
public record BuildResult(Path output, String sha256, long unzippedBytes, long zippedBytes, int entries,
        List<RuleResult> removed, List<String> packages, List<String> notes, boolean cached, String key,
        ImportCheck imports, Map<String, Long> millis) {

    public BuildResult {
        removed = List.copyOf(removed);
        packages = List.copyOf(packages);
        notes = List.copyOf(notes);
        millis = Map.copyOf(millis);
    }
}
