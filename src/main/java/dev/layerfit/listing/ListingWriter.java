package dev.layerfit.listing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

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

    /** Writes the listing to {@code file} through a temporary file in the same folder, then an atomic move. */
    public static void write(Listing listing, Path file) throws IOException {
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, format(listing), StandardCharsets.UTF_8);
            if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
