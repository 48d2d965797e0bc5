package dev.layerfit.inventory;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.ArtifactContents;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An in-memory artifact for tests: entries in insertion order, each file's bytes kept for {@link #read}. */
class MapContents implements ArtifactContents {

    private final String label;
    private final List<ArchiveEntry> entries = new ArrayList<>();
    private final Map<String, byte[]> data = new HashMap<>();
    private final List<String> reads = new ArrayList<>();

    MapContents(String label) {
        this.label = label;
    }

    MapContents file(String name, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        entries.add(new ArchiveEntry(name, bytes.length, bytes.length, 0100644, ArchiveEntry.Kind.FILE));
        data.putIfAbsent(name, bytes);
        return this;
    }

    /** A file of {@code size} bytes whose content does not matter. */
    MapContents file(String name, int size) {
        return file(name, "x".repeat(size));
    }

    MapContents dir(String name) {
        entries.add(new ArchiveEntry(name, 0, 0, 040755, ArchiveEntry.Kind.DIRECTORY));
        return this;
    }

    MapContents symlink(String name, String target) {
        entries.add(new ArchiveEntry(name, target.length(), target.length(), 0120777, ArchiveEntry.Kind.SYMLINK));
        data.putIfAbsent(name, target.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The names {@link #read} was asked for, in order. */
    List<String> reads() {
        return reads;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public List<ArchiveEntry> entries() {
        return entries;
    }

    @Override
    public byte[] read(String name) throws IOException {
        reads.add(name);
        byte[] bytes = data.get(name);
        if (bytes == null) {
            throw new IOException("no entry " + name);
        }
        return bytes;
    }
}
