package dev.layerfit.archive;

import java.util.List;

/**
 * An artifact with the figures Lambda checks: a zip read from its central directory ({@link ZipIndex})
 * or a folder counted as its zip would be ({@link FolderArtifact}). Open one with {@link Artifacts#open}
 * and close it when done (a zip keeps its file open so that {@link #read} can fetch entries).
 */
public interface MeasuredArtifact extends ArtifactContents, AutoCloseable {

    /** Lambda's "unzipped size": the sum of {@link ArchiveEntry#countedBytes()} over every entry, exact. */
    long unzippedBytes();

    /**
     * The zipped size: a zip's file length; for a folder, the length of the zip layerfit would write of it
     * (computed on first call, which deflates every file).
     */
    long zippedBytes();

    /** The number of entries, duplicates included. */
    int entryCount();

    /** Names stored more than once, each listed once, in order of first appearance (empty for a folder). */
    List<String> duplicateNames();

    /** Releases the file handle, if any; never throws. */
    @Override
    void close();
}
