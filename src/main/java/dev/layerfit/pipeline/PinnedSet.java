package dev.layerfit.pipeline;

import dev.layerfit.lock.LockedPackage;
import dev.layerfit.python.index.IndexFile;
import java.net.URI;
import java.util.List;

/**
 * The exact wheels a layer is built from.
 *
 * @param packages the pins (name, version, chosen wheel with its sha256) and the hashes each accepts, sorted by name
 * @param fromLock true when the input was a hashed lock taken as is (no resolution)
 * @param warnings indexes skipped because they could not be reached while another answered
 */
public record PinnedSet(List<LockedPackage> packages, boolean fromLock, List<String> warnings) {

    public PinnedSet {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }

    /** The chosen wheel of a pin as the index client's file (its sha256 is checked when it is fetched). */
    public static IndexFile indexFile(LockedPackage p) {
        return new IndexFile(p.pin().filename(), URI.create(p.pin().url()), p.pin().sha256(), null, false, null, false, null,
                "lock");
    }
}
