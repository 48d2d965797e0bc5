package dev.layerfit.python.resolve;

import dev.layerfit.python.pep440.Version;

/**
 * One package of a resolution: its version and the wheel chosen for the target (the compatible file with
 * the most preferred tag).
 *
 * @param name     the project name, PEP 503 normalised
 * @param version  the chosen version
 * @param filename the chosen wheel's file name
 * @param url      where to download it
 * @param sha256   its hex digest, or null when the index gave none
 */
public record PinnedPackage(String name, Version version, String filename, String url, String sha256) {
}
