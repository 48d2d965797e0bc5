package dev.layerfit.python.index;

import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.InvalidRequirementException;
import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.python.pep508.Requirement;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a distribution's core metadata (a wheel's {@code METADATA}, PEP 566 / PEP 643; RFC 822-style
 * headers) that resolution needs.
 *
 * @param name           the {@code Name} header as written
 * @param version        the {@code Version} header
 * @param requiresDist   every {@code Requires-Dist}, parsed, in order
 * @param requiresPython the {@code Requires-Python} specifier text, or null
 * @param providesExtra  every {@code Provides-Extra}, normalised (PEP 685)
 */
public record CoreMetadata(String name, Version version, List<Requirement> requiresDist, String requiresPython,
        List<String> providesExtra) {

    public CoreMetadata {
        requiresDist = List.copyOf(requiresDist);
        providesExtra = List.copyOf(providesExtra);
    }

    /** The name normalised per PEP 503. */
    public String normalizedName() {
        return ProjectName.canonicalize(name);
    }

    /**
     * Parses METADATA text: headers up to the first blank line (folded lines joined), body ignored.
     *
     * @param label names the file in error messages
     * @throws MetadataUnavailableException when Name or Version is missing or a Requires-Dist is invalid
     */
    public static CoreMetadata parse(String text, String label) {
        return parseHeaders(text, label);
    }

    /**
     * Parses METADATA as stored (UTF-8), decoding only the headers: the body (the long description, often most of
     * the file) is never needed.
     */
    public static CoreMetadata parse(byte[] data, String label) {
        return parseHeaders(headerText(data), label);
    }

    /**
     * The headers {@link #parse} reads, as METADATA text (one line each, folded values joined): what the cache keeps.
     * Parsing it gives the same metadata as parsing {@code data}.
     */
    static byte[] neededHeaders(byte[] data) {
        StringBuilder out = new StringBuilder();
        for (String[] header : headers(headerText(data))) {
            out.append(header[0]).append(": ").append(header[1]).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String headerText(byte[] data) {
        return new String(data, 0, headersLength(data), StandardCharsets.UTF_8);
    }

    /** The length of the header block: up to the first empty line (LF, CRLF or CR line ends), or all of it. */
    static int headersLength(byte[] data) {
        int lineStart = 0;
        for (int i = 0; i < data.length; i++) {
            byte b = data[i];
            if (b != '\n' && b != '\r') {
                continue;
            }
            if (i == lineStart) {
                return i;
            }
            if (b == '\r' && i + 1 < data.length && data[i + 1] == '\n') {
                i++;
            }
            lineStart = i + 1;
        }
        return data.length;
    }

    private static CoreMetadata parseHeaders(String text, String label) {
        String name = null;
        String version = null;
        String requiresPython = null;
        List<Requirement> requires = new ArrayList<>();
        List<String> extras = new ArrayList<>();
        for (String[] header : headers(text)) {
            String value = header[1];
            switch (header[0].toLowerCase(Locale.ROOT)) {
                case "name" -> name = value;
                case "version" -> version = value;
                case "requires-python" -> requiresPython = value.isBlank() ? null : value;
                case "provides-extra" -> extras.add(ProjectName.canonicalize(value));
                case "requires-dist" -> {
                    try {
                        requires.add(Requirement.parse(value));
                    } catch (InvalidRequirementException e) {
                        throw new MetadataUnavailableException(label + " has an invalid Requires-Dist '" + value
                                + "' (" + e.detail().message() + "); the distribution is broken, pick another version", e);
                    }
                }
                default -> {
                    // other headers are not needed for resolution
                }
            }
        }
        if (name == null || version == null) {
            throw new MetadataUnavailableException(label + " has no " + (name == null ? "Name" : "Version")
                    + " header, so it is not core metadata; the distribution is broken, pick another version");
        }
        String versionText = version;
        Version parsed = Version.tryParse(versionText).orElseThrow(() -> new MetadataUnavailableException(label
                + " has the invalid Version '" + versionText + "'; the distribution is broken, pick another version"));
        return new CoreMetadata(name, parsed, requires, requiresPython, extras);
    }

    /** The headers {@link #parse} reads; the others (License, Classifier, ...) are skipped with their folded lines. */
    private static final java.util.Set<String> NEEDED = java.util.Set.of("name", "version", "requires-python",
            "provides-extra", "requires-dist");

    /**
     * The needed RFC 822 header fields up to the first empty line; continuation lines (leading whitespace) are folded
     * in. Some distributions fold a whole license text into one header: its lines are skipped, not joined.
     */
    private static List<String[]> headers(String text) {
        List<String[]> out = new ArrayList<>();
        String lf = text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder folded = null; // the value of the needed header being read, while it has continuation lines
        boolean skipping = false;    // inside an unneeded header
        int at = 0;
        while (at <= lf.length()) {
            int end = lf.indexOf('\n', at);
            if (end < 0) {
                end = lf.length();
            }
            int lineStart = at;
            at = end + 1;
            if (end == lineStart) {
                break;
            }
            char first = lf.charAt(lineStart);
            if (first == ' ' || first == '\t') {
                if (!skipping && !out.isEmpty()) {
                    if (folded == null) {
                        folded = new StringBuilder(out.get(out.size() - 1)[1]);
                    }
                    folded.append(' ').append(lf.substring(lineStart, end).strip());
                }
                continue;
            }
            finishFolded(out, folded);
            folded = null;
            int colon = lf.indexOf(':', lineStart);
            if (colon < 0 || colon >= end || colon == lineStart) {
                skipping = true;
                continue;
            }
            String name = lf.substring(lineStart, colon).strip();
            skipping = !NEEDED.contains(name.toLowerCase(Locale.ROOT));
            if (!skipping) {
                out.add(new String[] {name, lf.substring(colon + 1, end).strip()});
            }
        }
        finishFolded(out, folded);
        return out;
    }

    /** Sets the last header's value to its folded lines (the first value, then each continuation stripped). */
    private static void finishFolded(List<String[]> out, StringBuilder folded) {
        if (folded != null) {
            out.get(out.size() - 1)[1] = folded.toString();
        }
    }
}
