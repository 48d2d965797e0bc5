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

    /**
     * Checks what will become parts of cache paths: a page, a find-links folder or a lock is untrusted, and
     * {@code #sha256=../../x} or a name holding {@code %2F..} must not place a file outside the cache.
     *
     * @throws BadIndexResponseException when the name is not one plain file name or a hash is not 64 hex digits
     */
    public IndexFile {
        String where = url == null ? String.valueOf(source) : RedactedUrl.of(url);
        if (!dev.layerfit.io.SafePaths.isPlainFileName(filename)) {
            throw new BadIndexResponseException(where + " names a file '" + dev.layerfit.text.TerminalText.echo(filename)
                    + "' that is not a plain file name (a separator, '..' or a control character); the index is broken or hostile");
        }
        if (sha256 != null && !dev.layerfit.io.SafePaths.isSha256(sha256)) {
            throw new BadIndexResponseException(where + " gives the sha256 '" + dev.layerfit.text.TerminalText.echo(sha256)
                    + "' for " + filename + ", which is not 64 hex digits; the index is broken or hostile");
        }
        if (metadataSha256 != null && !dev.layerfit.io.SafePaths.isSha256(metadataSha256)) {
            throw new BadIndexResponseException(where + " gives the metadata sha256 '"
                    + dev.layerfit.text.TerminalText.echo(metadataSha256) + "' for " + filename
                    + ", which is not 64 hex digits; the index is broken or hostile");
        }
    }

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
