package dev.layerfit.pipeline;

import java.util.List;

/**
 * One layer of a plan.
 *
 * @param name                   where its packages come from (a requirements file's name, or "merged: a, b")
 * @param packages               {@code name==version} of each distribution in it, sorted
 * @param installedBytes         the predicted unzipped bytes as installed (exact, before slimming)
 * @param predictedUnzippedBytes after the slim profile's estimated removals
 */
public record PlannedLayer(String name, List<String> packages, long installedBytes, long predictedUnzippedBytes) {

    public PlannedLayer {
        packages = List.copyOf(packages);
    }
}
