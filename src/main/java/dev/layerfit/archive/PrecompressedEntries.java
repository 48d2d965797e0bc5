package dev.layerfit.archive;

import java.io.IOException;

/**
 * Deflated bytes that already exist for some zip entries (a wheel's entries for the files installed from it), so
 * {@link DeterministicZipWriter} can copy them instead of compressing again. The writer uses a candidate only when
 * the file on disk has the candidate's size and CRC-32.
 */
@FunctionalInterface
public interface PrecompressedEntries {

    /** The candidate for the entry named {@code entryName} (relative to the zipped folder), or null. */
    Candidate find(String entryName);

    /** One entry's raw deflate stream (no zlib header) and what it inflates to. */
    interface Candidate {
        long crc();

        long size();

        byte[] readDeflated() throws IOException;
    }
}
