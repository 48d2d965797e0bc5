package dev.layerfit.listing;

import java.util.Objects;

/**
 * One entry of a listing: an artifact entry described by its sizes and, for a few small metadata files,
 * its real content.
 *
 * @param kind           file, directory or symlink
 * @param size           uncompressed bytes; for a symlink the length of its target path in UTF-8
 * @param compressedSize bytes the entry took in a deflate level-6 zip of the real files (0 for a directory)
 * @param path           the zip entry name, '/'-separated; a directory's ends with '/'
 * @param linkTarget     the symlink's target for {@link Kind#SYMLINK}, otherwise {@code null}
 * @param content        the file's real bytes (exactly {@code size} of them) when the listing keeps them,
 *                       otherwise {@code null}: the file is materialized with filler
 */
public record ListingEntry(Kind kind, long size, long compressedSize, String path, String linkTarget,
                           InlineContent content) {

    /** The entry kinds, with their one-letter code in the listing file. */
    public enum Kind {
        FILE('f'), DIRECTORY('d'), SYMLINK('l');

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** The letter that stands for this kind in a listing line. */
        public char code() {
            return code;
        }

        /** The kind a listing letter stands for, or {@code null} when none does. */
        static Kind ofCode(String code) {
            for (Kind k : values()) {
                if (code.length() == 1 && code.charAt(0) == k.code) {
                    return k;
                }
            }
            return null;
        }
    }

    public ListingEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (size < 0 || compressedSize < 0) {
            throw new IllegalArgumentException("negative size for " + path);
        }
        if ((kind == Kind.SYMLINK) != (linkTarget != null)) {
            throw new IllegalArgumentException("a link target is given exactly for symlinks: " + path);
        }
        if (content != null && (kind != Kind.FILE || content.length() != size)) {
            throw new IllegalArgumentException("content is kept only for files, and must be " + size
                    + " bytes long: " + path);
        }
    }

    /** An entry whose content is not kept. */
    public ListingEntry(Kind kind, long size, long compressedSize, String path, String linkTarget) {
        this(kind, size, compressedSize, path, linkTarget, null);
    }

    /** A regular file entry. */
    public static ListingEntry file(String path, long size, long compressedSize) {
        return new ListingEntry(Kind.FILE, size, compressedSize, path, null);
    }

    /** A regular file entry whose real bytes the listing keeps. */
    public static ListingEntry file(String path, byte[] content, long compressedSize) {
        return new ListingEntry(Kind.FILE, content.length, compressedSize, path, null, InlineContent.of(content));
    }

    /** A directory entry; {@code path} ends with '/'. */
    public static ListingEntry directory(String path) {
        return new ListingEntry(Kind.DIRECTORY, 0, 0, path, null);
    }

    /** A symlink entry whose size is the UTF-8 length of its target. */
    public static ListingEntry symlink(String path, String target, long compressedSize) {
        return new ListingEntry(Kind.SYMLINK, target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                compressedSize, path, target);
    }

    /** The bytes Lambda counts for this entry (directories 0). */
    public long countedBytes() {
        return kind == Kind.DIRECTORY ? 0L : size;
    }
}
