package dev.layerfit.python.tags;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.ProjectName;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a wheel file name (PEP 427, binary distribution format), parsed as packaging 26.2's
 * {@code parse_wheel_filename}: normalised project name, version, optional build tag and the expanded
 * compatibility tags.
 *
 * @param name        the project name normalised per PEP 503
 * @param version     the version
 * @param buildNumber the leading digits of the build tag, or null when there is none
 * @param buildSuffix the rest of the build tag ("" when none)
 * @param tags        the expanded tags, sorted
 */
public record WheelFilename(String name, Version version, BigInteger buildNumber, String buildSuffix, Set<Tag> tags) {

    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{N}_.]*$", Pattern.UNIX_LINES);
    private static final Pattern BUILD = Pattern.compile("([0-9]+)(.*)", Pattern.UNIX_LINES);

    public WheelFilename {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** Parses a wheel file name; throws {@link InvalidWheelFilenameException} saying what is wrong. */
    public static WheelFilename parse(String filename) {
        if (!filename.endsWith(".whl")) {
            throw new InvalidWheelFilenameException(filename, "extension must be '.whl'");
        }
        String stem = filename.substring(0, filename.length() - 4);
        int dashes = (int) stem.chars().filter(c -> c == '-').count();
        if (dashes != 4 && dashes != 5) {
            throw new InvalidWheelFilenameException(filename, "wrong number of parts");
        }
        String[] parts = splitFirst(stem, dashes - 2);
        String namePart = parts[0];
        if (namePart.contains("__") || !NAME.matcher(namePart).find()) {
            throw new InvalidWheelFilenameException(filename, "invalid project name");
        }
        Version version = Version.tryParse(parts[1])
                .orElseThrow(() -> new InvalidWheelFilenameException(filename, "invalid version"));
        BigInteger buildNumber = null;
        String buildSuffix = "";
        if (dashes == 5) {
            Matcher m = BUILD.matcher(parts[2]);
            if (!m.lookingAt()) {
                throw new InvalidWheelFilenameException(filename, "invalid build number '" + parts[2] + "'");
            }
            buildNumber = new BigInteger(m.group(1));
            buildSuffix = m.group(2);
        }
        return new WheelFilename(ProjectName.canonicalize(namePart), version, buildNumber, buildSuffix,
                Tag.parseSet(parts[parts.length - 1]));
    }

    /** Splits at the first {@code splits} dashes, like Python's {@code str.split("-", splits)}. */
    private static String[] splitFirst(String s, int splits) {
        String[] out = new String[splits + 1];
        int start = 0;
        for (int i = 0; i < splits; i++) {
            int dash = s.indexOf('-', start);
            out[i] = s.substring(start, dash);
            start = dash + 1;
        }
        out[splits] = s.substring(start);
        return out;
    }

    /** The build tag, if present. */
    public Optional<BigInteger> build() {
        return Optional.ofNullable(buildNumber);
    }
}
