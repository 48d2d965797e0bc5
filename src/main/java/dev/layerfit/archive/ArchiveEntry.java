package dev.layerfit.archive;

/**
 * One entry of an artifact as Lambda sees it: a zip central-directory record, or a file of a folder
 * measured as if zipped.
 *
 * @param name             the entry name, '/'-separated, as stored (directories end with '/')
 * @param compressedSize   bytes stored in the zip for this entry (0 for a folder's files, which are not compressed yet)
 * @param uncompressedSize the uncompressed size recorded in the central directory
 * @param unixMode         the Unix mode from the external attributes (0 when none was stored)
 * @param kind             file, directory or symlink
 */
public record ArchiveEntry(String name, long compressedSize, long uncompressedSize, int unixMode, Kind kind) {

    public enum Kind { FILE, DIRECTORY, SYMLINK }

    /**
     * The bytes this entry adds to Lambda's unzipped total: directories count 0, a symlink counts the
     * length of its stored target path (which is its uncompressed size), a file its uncompressed size.
     */
    public long countedBytes() {
        return kind == Kind.DIRECTORY ? 0L : uncompressedSize;
    }

    public boolean isDirectory() {
        return kind == Kind.DIRECTORY;
    }
}
