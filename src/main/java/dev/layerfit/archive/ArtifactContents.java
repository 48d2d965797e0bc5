package dev.layerfit.archive;

import java.io.IOException;
import java.util.List;

/**
 * What the rest of layerfit needs of an artifact (a zip, or a folder counted as its zip would be):
 * its entries in stored order, and the bytes of a few small entries (RECORD, top_level.txt,
 * package.json) for attribution. Never extracts anything to disk.
 */
public interface ArtifactContents {

    /** A label for messages: the path as the user gave it. */
    String label();

    /** Every entry, in central-directory order (duplicates included). */
    List<ArchiveEntry> entries();

    /** The uncompressed bytes of the first entry named {@code name}. */
    byte[] read(String name) throws IOException;
}
