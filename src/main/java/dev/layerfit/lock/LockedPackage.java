package dev.layerfit.lock;

import dev.layerfit.python.requirements.LockedWheel;
import dev.layerfit.python.resolve.PinnedPackage;
import java.util.List;

/**
 * One package of a lock: the resolver's pin and every sha256 the lock accepts for it.
 *
 * @param pin    the version and the wheel chosen for the target
 * @param hashes the lower-case hex sha256 of every wheel of that version the target can install (the chosen one
 *               among them), sorted, so that pip passes {@code --require-hashes} whichever of them it picks
 * @param wheels those wheels with their URLs where known (the chosen one always), sorted by file name; a PEP 751
 *               lock lists them all
 */
public record LockedPackage(PinnedPackage pin, List<String> hashes, List<LockedWheel> wheels) {

    public LockedPackage {
        hashes = List.copyOf(hashes);
        wheels = List.copyOf(wheels);
    }

    /** A package whose only known wheel is the chosen one. */
    public LockedPackage(PinnedPackage pin, List<String> hashes) {
        this(pin, hashes, List.of(new LockedWheel(pin.filename(), pin.url(), pin.sha256(), null)));
    }
}
