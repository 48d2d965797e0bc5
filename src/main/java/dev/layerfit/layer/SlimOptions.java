package dev.layerfit.layer;

import dev.layerfit.lambda.PythonRuntime;
import java.util.List;

/**
 * What to remove from a layer's site folder.
 *
 * @param profile       the rule set
 * @param runtime       the target, whose {@code cpython-3X} bytecode tag is kept
 * @param keepDiscovery googleapiclient discovery documents to keep (names like {@code drive.v3}); empty keeps all
 * @param excludes      globs of site-relative paths to remove ({@code --exclude}); a glob without '/' also matches file names
 * @param keeps         globs of paths never removed ({@code --keep}); wins over every rule
 */
public record SlimOptions(SlimProfile profile, PythonRuntime runtime, List<String> keepDiscovery, List<String> excludes,
        List<String> keeps) {

    public SlimOptions {
        keepDiscovery = List.copyOf(keepDiscovery);
        excludes = List.copyOf(excludes);
        keeps = List.copyOf(keeps);
    }

    /** A profile alone, no package rules. */
    public static SlimOptions of(SlimProfile profile, PythonRuntime runtime) {
        return new SlimOptions(profile, runtime, List.of(), List.of(), List.of());
    }
}
