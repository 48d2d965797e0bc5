package dev.layerfit.python.requirements;

import dev.layerfit.error.BadInputException;
import dev.layerfit.python.pep440.InvalidSpecifierException;
import dev.layerfit.python.pep440.SpecifierSet;
import dev.layerfit.python.pep508.InvalidMarkerException;
import dev.layerfit.python.pep508.Marker;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/** What every lock reader checks the same way: hashes, file names, requires-python, markers. */
final class LockReading {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private LockReading() {
    }

    /** The hex digest of a {@code sha256:<hex>} hash, lower case; null when the hash is another algorithm. */
    static String sha256(String hash, String where) {
        if (hash == null) {
            return null;
        }
        int colon = hash.indexOf(':');
        String alg = colon < 0 ? "" : hash.substring(0, colon).toLowerCase(Locale.ROOT);
        String hex = colon < 0 ? hash : hash.substring(colon + 1);
        if (!alg.equals("sha256")) {
            return null;
        }
        if (!SHA256.matcher(hex).matches()) {
            throw new BadInputException(where + ": the hash " + hash + " is not a sha256 digest; re-create the lock");
        }
        return hex.toLowerCase(Locale.ROOT);
    }

    static boolean isWheel(String filename) {
        return filename.endsWith(".whl");
    }

    /** The last path segment of a URL, percent-decoded. */
    static String filenameOf(String url) {
        String path = URI.create(url).getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return URLDecoder.decode(last, StandardCharsets.UTF_8);
    }

    /** Where a lock's wheel table says its file is: {@code url}, or {@code path} relative to the lock; null for neither. */
    static String wheelUrl(dev.layerfit.io.TomlTable wheel, String lockLabel) {
        String url = wheel.string("url").orElse(null);
        String path = wheel.string("path").orElse(null);
        return url == null && path != null ? fileUrl(lockLabel, path) : url;
    }

    /** A wheel's file name: the {@code nameKey} value, else the URL's last segment; a bad-input error for neither. */
    static String wheelName(dev.layerfit.io.TomlTable wheel, String nameKey, String url, String where) {
        String filename = wheel.string(nameKey).orElse(url == null ? null : filenameOf(url));
        if (filename == null) {
            throw new BadInputException(where + " lists a wheel with neither " + nameKey + ", url nor path; re-create the lock");
        }
        return filename;
    }

    /** A file URL for a path written in a lock, relative to the lock's folder. */
    static String fileUrl(String lockLabel, String path) {
        Path base = lockLabel.equals("-") ? Path.of("") : Path.of(lockLabel).toAbsolutePath().getParent();
        return base.resolve(path).toAbsolutePath().normalize().toUri().toString();
    }

    /** Whether a PEP 440 specifier (empty: any) allows the target's Python. */
    static boolean allows(String spec, LockTarget target, String label) {
        if (spec == null || spec.isBlank()) {
            return true;
        }
        try {
            return SpecifierSet.parse(spec).contains(target.python());
        } catch (InvalidSpecifierException e) {
            throw new BadInputException(label + ": \"" + spec + "\" is not a PEP 440 specifier; re-create the lock", e);
        }
    }

    /** Fails when the lock's {@code requires-python} excludes the target's Python. */
    static void checkRequiresPython(String spec, LockTarget target, String label, String key) {
        if (!allows(spec, target, label)) {
            throw new BadInputException(label + " is locked for Python " + spec + " (" + key + "), and " + target.description()
                    + " runs Python " + target.python() + "; re-lock for this runtime or pick a runtime the lock supports");
        }
    }

    static Marker marker(String text, String where) {
        try {
            return Marker.parse(text);
        } catch (InvalidMarkerException e) {
            throw new BadInputException(where + ": the marker \"" + text + "\" is not valid (" + e.getMessage() + "); re-create the lock", e);
        }
    }

    /** A lock names packages by their normalised names (PEP 503). */
    static String normalise(String name) {
        return dev.layerfit.python.pep508.ProjectName.canonicalize(name);
    }

    static BadInputException missingHash(String where, String file) {
        return new BadInputException(where + ": " + file + " has no sha256 hash; layerfit takes a lock only with the hash of "
                + "every file, so re-create it with hashes");
    }
}
