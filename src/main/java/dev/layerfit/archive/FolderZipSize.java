package dev.layerfit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The length of "the zip layerfit would write" of a folder: each file deflated at level 6 (stored instead when
 * deflate does not make it smaller), symlink targets stored, no extra fields and no data descriptors. Per
 * entry a local header (30 bytes + name) and a central-directory header (46 bytes + name), then the 22-byte
 * end record, plus the zip64 end record and locator (76 bytes) when there are 65,535 entries or more.
 * Sizes follow PKWARE APPNOTE 4.3.7, 4.3.12, 4.3.14-4.3.16. Files are deflated in parallel. This is exactly the
 * length {@link DeterministicZipWriter} writes at its default level (both deflate through {@link RawDeflate}).
 */
final class FolderZipSize {

    static final int LEVEL = 6;
    private static final int LOCAL_HEADER = 30;
    private static final int CENTRAL_HEADER = 46;
    private static final int END_RECORD = 22;
    private static final int ZIP64_END_AND_LOCATOR = 56 + 20;

    private FolderZipSize() {
    }

    static long of(List<ArchiveEntry> entries, Map<String, Path> paths) {
        long headers = IntStream.range(0, entries.size())
                .mapToLong(i -> LOCAL_HEADER + CENTRAL_HEADER + 2L * entries.get(i).name().getBytes(StandardCharsets.UTF_8).length)
                .sum();
        long data = IntStream.range(0, entries.size()).parallel().mapToLong(i -> {
            ArchiveEntry e = entries.get(i);
            return switch (e.kind()) {
                case DIRECTORY -> 0L;
                case SYMLINK -> e.uncompressedSize();
                case FILE -> Math.min(e.uncompressedSize(), deflatedLength(paths.get(e.name())));
            };
        }).sum();
        long end = END_RECORD + (entries.size() >= 0xFFFF ? ZIP64_END_AND_LOCATOR : 0);
        return headers + data + end;
    }

    /** The length of the raw deflate stream of the file at {@code path}, at level {@value #LEVEL}. */
    static long deflatedLength(Path path) {
        try (InputStream stream = Files.newInputStream(path)) {
            return RawDeflate.deflate(stream, LEVEL, OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": could not read it to measure its compressed size", e);
        }
    }
}
