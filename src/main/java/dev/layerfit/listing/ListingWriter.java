package dev.layerfit.listing;

import dev.layerfit.io.AtomicFileWriter;
import java.io.IOException;
import java.nio.file.Path;

/** Writes {@code .listing} files (format in {@link Listing}), atomically. */
public final class ListingWriter {

    /** How a content line starts (see {@link Listing}). */
    static final String CONTENT_PREFIX = "=\t";

    private ListingWriter() {
    }

    /** The listing as text: the version line, its comments, then one line per entry (and its content line). */
    public static String format(Listing listing) {
        StringBuilder sb = new StringBuilder(64 * (listing.entries().size() + 8));
        sb.append(Listing.MAGIC).append('\n');
        for (String comment : listing.comments()) {
            for (String part : comment.split("\n", -1)) {
                sb.append(part.isEmpty() ? "#" : "# " + part).append('\n');
            }
        }
        for (ListingEntry e : listing.entries()) {
            sb.append(e.kind().code()).append('\t').append(e.size()).append('\t').append(e.compressedSize())
                    .append('\t').append(PathEscaping.escape(e.path()));
            if (e.linkTarget() != null) {
                sb.append('\t').append(PathEscaping.escape(e.linkTarget()));
            }
            sb.append('\n');
            if (e.content() != null) {
                sb.append(CONTENT_PREFIX).append(e.content().encode()).append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes the listing to {@code file} atomically (see {@link AtomicFileWriter}). */
    public static void write(Listing listing, Path file) throws IOException {
        AtomicFileWriter.atomic().write(file, format(listing));
    }
}
