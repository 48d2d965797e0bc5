package dev.layerfit.python.resolve;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a successful resolution: one pinned package per project, sorted by name.
 *
 * @param packages the pins, sorted by normalised name
 */
public record Resolution(List<PinnedPackage> packages) {

    public Resolution {
        packages = List.copyOf(packages);
    }

    /** The pin of {@code normalizedName}, if it is part of the resolution. */
    public Optional<PinnedPackage> get(String normalizedName) {
        return packages.stream().filter(p -> p.name().equals(normalizedName)).findFirst();
    }
}
