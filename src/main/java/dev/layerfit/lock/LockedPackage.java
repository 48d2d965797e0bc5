package dev.layerfit.lock;

import dev.layerfit.python.resolve.PinnedPackage;
import java.util.List;

/**
 * One package of a lock: the resolver's pin and every sha256 the lock accepts for it.
 *
 * @param pin    the version and the wheel chosen for the target
 * @param hashes the lower-case hex sha256 of every wheel of that version the target can install (the chosen one
 *               among them), sorted, so that pip passes {@code --require-hashes} whichever of them it picks
 */
public record LockedPackage(PinnedPackage pin, List<String> hashes) {

    public LockedPackage {
        hashes = List.copyOf(hashes);
    }
}
