package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.Version;
import java.util.List;

/**
 * One version of a project with all its files, as an index lists it.
 *
 * @param version the version
 * @param files   its wheels and sdists
 */
public record Candidate(Version version, List<DistributionFile> files) {

    public Candidate {
        files = List.copyOf(files);
    }
}
