package dev.layerfit.python.requirements;

import dev.layerfit.python.pep440.Version;
import java.util.List;

/**
 * One package a lock pins for the target (its markers already evaluated).
 *
 * @param name     the normalised project name
 * @param version  the pinned version
 * @param wheels     the wheels the lock lists for it
 * @param hashes     every sha256 the lock accepts for it (lower-case hex), sorted
 * @param hashesOnly true when the lock names no files, only hashes (a hashed requirements file, {@code Pipfile.lock}):
 *                   the wheels are then found in the index by hash
 * @param sdist      whether the lock also lists a source distribution (said when no wheel fits)
 * @param location where it is written ({@code uv.lock: package "idna"}), for messages
 */
public record LockedEntry(String name, Version version, List<LockedWheel> wheels, List<String> hashes, boolean hashesOnly,
        boolean sdist,
        String location) {

    public LockedEntry {
        wheels = List.copyOf(wheels);
        hashes = List.copyOf(hashes);
    }
}
