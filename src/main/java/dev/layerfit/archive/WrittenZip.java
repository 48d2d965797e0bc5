package dev.layerfit.archive;

import java.nio.file.Path;

/**
 * A zip {@link DeterministicZipWriter} wrote.
 *
 * @param path          where it is (moved there atomically)
 * @param zippedBytes   its length in bytes
 * @param unzippedBytes Lambda's unzipped size of it: file sizes plus symlink target lengths
 * @param entries       the number of entries, folders included
 * @param sha256        the lowercase hex SHA-256 of the whole file
 */
public record WrittenZip(Path path, long zippedBytes, long unzippedBytes, int entries, String sha256) {
}
