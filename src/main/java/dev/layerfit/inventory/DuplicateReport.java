package dev.layerfit.inventory;

import java.util.List;

/**
 * What {@link DuplicateFinder} found: duplicated distributions, largest waste first, and a summary of
 * duplicated files.
 */
public record DuplicateReport(List<DuplicateDistribution> distributions, FileDuplicates files) {

    public DuplicateReport {
        distributions = List.copyOf(distributions);
    }

    /** The bytes wasted by duplicated distributions, all together. */
    public long wastedBytes() {
        return distributions.stream().mapToLong(DuplicateDistribution::wastedBytes).sum();
    }
}
