package dev.layerfit.python.resolve;

import dev.layerfit.python.pep508.Requirement;
import java.util.List;

/**
 * The core metadata the resolver needs of one version: its {@code Requires-Dist} entries (markers included,
 * also those guarded by {@code extra == "..."}) and its {@code Requires-Python}.
 *
 * @param requiresDist   the requirements in metadata order
 * @param requiresPython the {@code Requires-Python} specifier text, or null when absent
 */
public record Dependencies(List<Requirement> requiresDist, String requiresPython) {

    public Dependencies {
        requiresDist = List.copyOf(requiresDist);
    }
}
