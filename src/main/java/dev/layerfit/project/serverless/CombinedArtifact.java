package dev.layerfit.project.serverless;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.MeasuredArtifact;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One function zip made of several measured parts, as serverless-python-requirements makes it: the service's
 * files, then the installed requirements at the zip's root (their {@code python/} prefix removed), less what its
 * slim option deletes. The unzipped size is exact (the sum of the entries); the zipped size is the sum of the
 * parts' zipped sizes less the deleted entries' compressed sizes, close to (not exactly) the one zip serverless
 * writes.
 */
final class CombinedArtifact implements MeasuredArtifact {

    /**
     * A part, with the prefix its entry names lose ("python/") — entries outside it are dropped — and the entries
     * (named without the prefix) a packager deletes.
     */
    record Part(MeasuredArtifact artifact, String stripPrefix, Predicate<String> deleted) {

        Part(MeasuredArtifact artifact, String stripPrefix) {
            this(artifact, stripPrefix, name -> false);
        }
    }

    private final String label;
    private final List<Part> parts;
    private final List<ArchiveEntry> entries = new ArrayList<>();
    private final Map<String, Part> owner = new HashMap<>();
    private final Map<String, String> originalName = new HashMap<>();
    private final Set<String> duplicates = new LinkedHashSet<>();
    private long deletedCompressed;

    CombinedArtifact(String label, List<Part> parts) {
        this.label = label;
        this.parts = List.copyOf(parts);
        for (Part part : this.parts) {
            for (ArchiveEntry e : part.artifact().entries()) {
                if (!e.name().startsWith(part.stripPrefix()) || e.name().equals(part.stripPrefix())) {
                    continue;
                }
                String name = e.name().substring(part.stripPrefix().length());
                if (part.deleted().test(name)) {
                    deletedCompressed += e.compressedSize();
                    continue;
                }
                if (owner.containsKey(name) && !e.isDirectory()) {
                    duplicates.add(name);
                }
                owner.putIfAbsent(name, part);
                originalName.putIfAbsent(name, e.name());
                entries.add(new ArchiveEntry(name, e.compressedSize(), e.uncompressedSize(), e.unixMode(), e.kind()));
            }
        }
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<ArchiveEntry> entries() {
        return List.copyOf(entries);
    }

    @Override
    public byte[] read(String name) throws IOException {
        Part part = owner.get(name);
        if (part == null) {
            throw new IOException("no entry " + name + " in " + label);
        }
        return part.artifact().read(originalName.get(name));
    }

    @Override
    public long unzippedBytes() {
        long sum = 0;
        for (ArchiveEntry e : entries) {
            sum += e.countedBytes();
        }
        return sum;
    }

    @Override
    public long zippedBytes() {
        long sum = 0;
        for (Part p : parts) {
            sum += p.artifact().zippedBytes();
        }
        return sum - deletedCompressed;
    }

    @Override
    public int entryCount() {
        return entries.size();
    }

    @Override
    public List<String> duplicateNames() {
        return List.copyOf(duplicates);
    }

    @Override
    public void close() {
        for (Part p : parts) {
            p.artifact().close();
        }
    }
}
