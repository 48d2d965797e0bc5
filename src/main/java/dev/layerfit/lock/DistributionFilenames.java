package dev.layerfit.lock;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.tags.InvalidWheelFilenameException;
import dev.layerfit.python.tags.WheelFilename;
import java.util.Optional;

/**
 * The version a distribution file's name states: a wheel's (PEP 427 / binary distribution format) or an sdist's
 * ({@code name-version.tar.gz} or {@code .zip}, the version after the last dash, as pip's {@code LinkEvaluator}
 * reads it for a known project).
 */
public final class DistributionFilenames {

    private DistributionFilenames() {
    }

    /** The version in {@code filename}, or empty when the name is not a wheel or sdist name with a valid version. */
    public static Optional<Version> version(String filename) {
        if (filename.endsWith(".whl")) {
            try {
                return Optional.of(WheelFilename.parse(filename).version());
            } catch (InvalidWheelFilenameException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        String stem = filename.endsWith(".tar.gz") ? filename.substring(0, filename.length() - 7)
                : filename.endsWith(".zip") ? filename.substring(0, filename.length() - 4) : null;
        if (stem == null) {
            return Optional.empty();
        }
        int dash = stem.lastIndexOf('-');
        return dash <= 0 ? Optional.empty() : Version.tryParse(stem.substring(dash + 1));
    }
}
