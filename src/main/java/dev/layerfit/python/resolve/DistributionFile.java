package dev.layerfit.python.resolve;

import dev.layerfit.python.tags.InvalidWheelFilenameException;
import dev.layerfit.python.tags.WheelFilename;
import java.util.Optional;

/**
 * One file of a release as an index lists it (PEP 503 / PEP 691): its name, where to fetch it, its sha256,
 * its {@code data-requires-python} and whether it is yanked (PEP 592).
 *
 * @param filename       the file name, e.g. {@code numpy-2.1.3-cp312-cp312-manylinux_2_17_x86_64.whl}
 * @param url            where to download it
 * @param sha256         the hex digest, or null when the index gives none
 * @param requiresPython the file's {@code data-requires-python}, or null
 * @param yanked         whether the index marks the file as yanked
 */
public record DistributionFile(String filename, String url, String sha256, String requiresPython, boolean yanked) {

    /** The parsed wheel name, or empty for an sdist or a file whose wheel name is invalid. */
    public Optional<WheelFilename> wheel() {
        if (!filename.endsWith(".whl")) {
            return Optional.empty();
        }
        try {
            return Optional.of(WheelFilename.parse(filename));
        } catch (InvalidWheelFilenameException e) {
            return Optional.empty();
        }
    }
}
