package dev.layerfit.python.requirements;

import java.util.List;

/**
 * A lock read for one target: the packages to install exactly as locked, sorted by name.
 *
 * @param format   the lock's format
 * @param label    the file it came from
 * @param packages the packages whose markers hold for the target
 */
public record LockedSet(InputFormat format, String label, List<LockedEntry> packages) {

    public LockedSet {
        packages = List.copyOf(packages);
    }
}
