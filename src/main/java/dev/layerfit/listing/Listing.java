package dev.layerfit.listing;

import java.util.List;

/**
 * An artifact described exactly by its entries (names, kinds, sizes), without the contents of most files:
 * enough to measure it as Lambda does, and to {@linkplain ListingMaterializer materialize} a zip with the
 * same entries and sizes, filler content, and the real bytes of the few metadata files the listing keeps.
 *
 * <p>File format ({@code .listing}, UTF-8, LF line ends), version 2:
 * <ul>
 *   <li>The first line is {@code # layerfit listing v2} (or {@code v1}, see below). Lines starting with
 *       {@code #} are comments (the header says what the listing was recorded from, how and when); blank
 *       lines are ignored.</li>
 *   <li>An entry line describes one entry, in stored order, with TAB-separated columns:
 *       {@code kind size zsize path} and, for kind {@code l} only, a fifth column {@code target}.
 *       {@code kind} is {@code f} (file), {@code d} (directory, path ends with '/') or {@code l} (symlink);
 *       {@code size} is the uncompressed byte count (for {@code l} the target's UTF-8 length);
 *       {@code zsize} is the compressed size in a deflate level-6 zip of the real files.</li>
 *   <li>A content line {@code =<TAB>data}, directly after an {@code f} line, holds that file's real
 *       bytes: {@code data} is standard base64 (RFC 4648, padded, one line) of the bytes deflated as a raw
 *       stream (RFC 1951, no zlib header). The bytes must number exactly {@code size}. The recorder writes
 *       one for the metadata files the inventory reads (see {@code dev.layerfit.dev.ListingRecorder}); the other files
 *       are materialized with filler.</li>
 *   <li>Path and target are written literally (spaces included) except four escapes:
 *       backslash as {@code \\}, TAB as {@code \t}, LF as {@code \n}, CR as {@code \r}. A backslash
 *       followed by anything else is malformed.</li>
 * </ul>
 * Version 1 is version 2 without content lines; it is still read, and written no more.
 *
 * @param comments the comment lines, without their leading "# " (the version line excluded)
 * @param entries  the entries in stored order
 */
public record Listing(List<String> comments, List<ListingEntry> entries) {

    /** The first line of a listing as written now (version 2). */
    public static final String MAGIC = "# layerfit listing v2";

    /** The first line of a version-1 listing: no content lines; still read. */
    public static final String MAGIC_V1 = "# layerfit listing v1";

    /** The extension of listing files. */
    public static final String EXTENSION = ".listing";

    /** The deflate level recorded compressed sizes assume (zip's and Python's default). */
    public static final int DEFLATE_LEVEL = 6;

    public Listing {
        comments = List.copyOf(comments);
        entries = List.copyOf(entries);
    }

    /** Lambda's unzipped figure for the artifact: the sum of every entry's counted bytes. */
    public long unzippedBytes() {
        return entries.stream().mapToLong(ListingEntry::countedBytes).sum();
    }

    /** The sum of the recorded compressed sizes (the zip's entry data, without headers). */
    public long compressedBytes() {
        return entries.stream().mapToLong(ListingEntry::compressedSize).sum();
    }

    /** How many files have their real bytes kept in the listing. */
    public long keptContentCount() {
        return entries.stream().filter(e -> e.content() != null).count();
    }

    /** How many entries are regular files. */
    public long fileCount() {
        return entries.stream().filter(e -> e.kind() == ListingEntry.Kind.FILE).count();
    }
}
