package dev.layerfit.python.install;

import dev.layerfit.archive.ArtifactContents;
import dev.layerfit.archive.ZipIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The exact files, unzipped bytes and zip entries that installing wheels into a layer produces, predicted from
 * each wheel's central directory and its RECORD entry (two or three ranged reads for a remote wheel), never by
 * extracting. Equals what {@link WheelInstaller} writes and the layer zip then holds: {@link #unzippedBytes()} is
 * the zip's unzipped size to the byte, {@link #entries()} its entry count (files plus every folder above them,
 * the layout's own folders included).
 *
 * @param files layer-relative path ({@code python/numpy/__init__.py}) to size in bytes, sorted
 */
public record InstalledSize(SortedMap<String, Long> files) {

    public InstalledSize {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    /** The prediction for one wheel file. */
    public static InstalledSize predict(Path wheel, LayerLayout layout) throws IOException {
        try (ZipIndex index = ZipIndex.open(wheel)) {
            return predict(index, layout);
        }
    }

    /** The prediction for one indexed wheel (a local file or a ranged remote source); reads only its RECORD entry. */
    public static InstalledSize predict(ArtifactContents wheelIndex, LayerLayout layout) throws IOException {
        String label = wheelIndex.label();
        WheelPlan plan = WheelPlan.of(wheelIndex, Path.of(label).getFileName().toString());
        Map<String, Long> layer = new TreeMap<>();
        plan.siteFiles().forEach((path, size) -> layer.put(layout.inLayer(path), size));
        return new InstalledSize(new TreeMap<>(layer));
    }

    /**
     * Several wheels in one layer. A path two predictions share counts once when its size agrees (the installer
     * accepts identical files from two wheels); the installer decides conflicts by content, which a prediction
     * cannot see, so differing sizes are reported by the install, not here (the first size is kept).
     */
    public static InstalledSize combine(List<InstalledSize> parts) {
        TreeMap<String, Long> all = new TreeMap<>();
        for (InstalledSize part : parts) {
            part.files.forEach(all::putIfAbsent);
        }
        return new InstalledSize(all);
    }

    /** Lambda's unzipped size of the layer: the sum of file sizes (folders count 0). */
    public long unzippedBytes() {
        return files.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Zip entries of the layer: one per file and one per folder above a file. */
    public int entries() {
        TreeSet<String> folders = new TreeSet<>();
        for (String path : files.keySet()) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                folders.add(path.substring(0, slash + 1));
            }
        }
        return files.size() + folders.size();
    }

    /** The files relative to the site folder (for a slim dry run): the layout prefix removed. */
    public SortedMap<String, Long> siteFiles(LayerLayout layout) {
        TreeMap<String, Long> out = new TreeMap<>();
        String prefix = layout.sitePrefix().isEmpty() ? "" : layout.sitePrefix() + "/";
        files.forEach((path, size) -> {
            if (path.startsWith(prefix)) {
                out.put(path.substring(prefix.length()), size);
            }
        });
        return out;
    }
}
