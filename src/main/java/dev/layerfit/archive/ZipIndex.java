package dev.layerfit.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A zip measured from its central directory alone, exactly as AWS Lambda counts "unzipped size"; nothing is
 * extracted. The end record is looked for in the last 8 KiB, then (only if absent there) in the last 65,557 bytes;
 * the central directory is then taken from the bytes already read when it lies inside them (a small zip) or
 * fetched with one read, so a remote {@link RandomAccessSource} needs one to three ranged requests.
 * {@link #read(String)} fetches one entry's local header and data.
 *
 * <p>Entries keep their stored order; names stored twice are kept (and counted) twice. Not thread-safe for
 * {@link #read(String)} when the source is not.
 */
public final class ZipIndex implements MeasuredArtifact {

    private final String label;
    private final RandomAccessSource source;
    private final EndOfCentralDirectory end;
    private final CentralDirectory directory;
    private Map<String, Integer> firstIndexByName;

    private ZipIndex(String label, RandomAccessSource source, EndOfCentralDirectory end, CentralDirectory directory) {
        this.label = label;
        this.source = source;
        this.end = end;
        this.directory = directory;
    }

    /** Indexes the zip file at {@code zip}; its label is the path as given. Close the result when done. */
    public static ZipIndex open(Path zip) throws IOException {
        LocalFileSource source = LocalFileSource.open(zip);
        try {
            return of(source, zip.toString());
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    /**
     * Indexes the zip in {@code source}, which this index then owns (closing the index closes it).
     *
     * @param label the name used in messages (a path or a layer ARN)
     * @throws NotAZipException     when there is no end record
     * @throws CorruptZipException  when the central directory is truncated or implausible
     */
    public static ZipIndex of(RandomAccessSource source, String label) throws IOException {
        EndOfCentralDirectory.Found located = EndOfCentralDirectory.locateWithTail(source, label);
        EndOfCentralDirectory end = located.end();
        if (end.directorySize() > Integer.MAX_VALUE - 8) {
            throw new UnsupportedZipException(label + " has a central directory of " + end.directorySize()
                    + " bytes, more than layerfit can hold in memory");
        }
        byte[] cd = located.sliceIfHeld(end.directoryOffset(), (int) end.directorySize());
        if (cd == null) {
            cd = source.read(end.directoryOffset(), (int) end.directorySize());
        }
        return new ZipIndex(label, source, end, CentralDirectory.parse(cd, end, source.size(), label));
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<ArchiveEntry> entries() {
        return directory.entries;
    }

    /**
     * The uncompressed bytes of the first entry named {@code name}, CRC-checked.
     *
     * @throws NoSuchFileException     when no entry has that name
     * @throws UnsupportedZipException for encrypted entries or methods other than stored and deflated
     * @throws CorruptZipException     for a bad local header, bad deflate data or a CRC mismatch
     */
    @Override
    public byte[] read(String name) throws IOException {
        Integer i = indexByName().get(name);
        if (i == null) {
            throw new NoSuchFileException(label + ": no entry named " + name);
        }
        return EntryDataReader.read(source, label, directory.entries.get(i), directory.localHeaderOffsets[i],
                directory.methods[i] & 0xFFFF, directory.flags[i] & 0xFFFF, directory.crcs[i], end.directoryOffset());
    }

    private synchronized Map<String, Integer> indexByName() {
        if (firstIndexByName == null) {
            List<ArchiveEntry> entries = directory.entries;
            Map<String, Integer> map = new HashMap<>(entries.size() * 4 / 3 + 1);
            for (int i = 0; i < entries.size(); i++) {
                map.putIfAbsent(entries.get(i).name(), i);
            }
            firstIndexByName = map;
        }
        return firstIndexByName;
    }

    @Override
    public long unzippedBytes() {
        return directory.unzippedBytes;
    }

    /** The zip file's length in bytes. */
    @Override
    public long zippedBytes() {
        return source.size();
    }

    @Override
    public int entryCount() {
        return directory.entries.size();
    }

    /** Whether the sizes came from a zip64 end record (more than 65,535 entries or a zip over 4 GiB). */
    public boolean isZip64() {
        return end.zip64();
    }

    @Override
    public List<String> duplicateNames() {
        Map<String, Integer> first = indexByName();
        if (first.size() == directory.entries.size()) {
            return List.of();
        }
        LinkedHashSet<String> seenTwice = new LinkedHashSet<>();
        List<ArchiveEntry> entries = directory.entries;
        for (int i = 0; i < entries.size(); i++) {
            String name = entries.get(i).name();
            if (first.get(name) != i) {
                seenTwice.add(name);
            }
        }
        List<String> inFirstOrder = new ArrayList<>(seenTwice);
        inFirstOrder.sort((a, b) -> Integer.compare(first.get(a), first.get(b)));
        return List.copyOf(inFirstOrder);
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new UncheckedIOException(label + ": could not close the file", e);
        }
    }

    @Override
    public String toString() {
        return "ZipIndex[" + label + ", " + entryCount() + " entries, " + unzippedBytes() + " bytes unzipped]";
    }
}
