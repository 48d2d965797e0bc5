package dev.layerfit.inventory;

import java.util.List;

/**
 * A distribution present more than once across the artifacts of one deployment.
 *
 * @param distribution its name (PEP 503-normalised for Python)
 * @param ecosystem    whose packages these are
 * @param copies       every copy, in artifact order
 * @param used         the copy the runtime imports (see {@link DuplicateFinder})
 * @param wastedBytes  the bytes of every copy except {@code used}
 */
public record DuplicateDistribution(String distribution, Ecosystem ecosystem, List<DistributionCopy> copies,
                                    DistributionCopy used, long wastedBytes) {

    public DuplicateDistribution {
        copies = List.copyOf(copies);
    }

    /** The labels of the artifacts holding a copy, in artifact order, each once. */
    public List<String> artifacts() {
        return copies.stream().map(DistributionCopy::artifact).distinct().toList();
    }

    /** The distinct versions of the copies (null for unknown), in artifact order. */
    public List<String> versions() {
        return copies.stream().map(DistributionCopy::version).distinct().toList();
    }
}
