package dev.layerfit.pipeline;

import dev.layerfit.layer.RuleResult;
import java.util.List;
import java.util.Map;

/**
 * A predicted layer layout.
 *
 * @param predictedUnzippedBytes the layers' total after slimming (what Lambda would count for them)
 * @param installedBytes         the total as installed, before slimming (exact to the byte)
 * @param distributions          {@code name==version} to its predicted installed bytes, largest first
 * @param removed                the slim profile's estimated removals per rule, all layers together
 * @param layers                 the layers, at most the requested count
 * @param fits                   whether the total is under Lambda's 262,144,000-byte limit
 * @param advice                 what to do, one sentence each
 * @param notes                  how the layout was chosen (shared dependencies, merges), slim notes
 */
public record Plan(long predictedUnzippedBytes, long installedBytes, Map<String, Long> distributions, List<RuleResult> removed,
        List<PlannedLayer> layers, boolean fits, List<String> advice, List<String> notes) {

    public Plan {
        removed = List.copyOf(removed);
        layers = List.copyOf(layers);
        advice = List.copyOf(advice);
        notes = List.copyOf(notes);
    }
}
