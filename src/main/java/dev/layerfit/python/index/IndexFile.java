package dev.layerfit.python.index;

import dev.layerfit.python.tags.InvalidWheelFilenameException;
import dev.layerfit.python.tags.WheelFilename;
import java.net.URI;
import java.util.Optional;

/**
 * One file offered for a project by an index page or a find-links location (PEP 503 / PEP 691 / PEP 658).
 *
 * @param filename         the file name (last path segment, unescaped)
 * @param url              the absolute URL, without fragment (http(s) or file)
 * @param sha256           the lower-case hex sha256 from the page, or null when the page gave none
 * @param requiresPython   the {@code Requires-Python} specifier text from the page, or null
 * @param yanked           whether the file is yanked (PEP 592)
 * @param yankedReason     the yank reason, or null (also null when yanked without a reason)
 * @param metadataAvailable whether a PEP 658 {@code <url>.metadata} file is offered
 * @param metadataSha256   the sha256 of that metadata file when given, or null
 * @param source           the index or find-links location that listed it, credentials redacted
 */
public record IndexFile(String filename, URI url, String sha256, String requiresPython, boolean yanked,
        String yankedReason, boolean metadataAvailable, String metadataSha256, String source) {

    /** Whether the file is a wheel ({@code .whl}). */
    public boolean isWheel() {
        return filename.endsWith(".whl");
    }

    /** The parsed wheel file name, or empty for sdists and wheels with an invalid name. */
    public Optional<WheelFilename> wheelFilename() {
        if (!isWheel()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WheelFilename.parse(filename));
        } catch (InvalidWheelFilenameException e) {
            return Optional.empty();
        }
    }

    /** The URL of the PEP 658 metadata file ({@code <url>.metadata}). */
    public URI metadataUrl() {
        return URI.create(url.toString() + ".metadata");
    }

    @Override
    public String toString() {
        return filename + " (" + RedactedUrl.of(url) + ")";
    }
}
