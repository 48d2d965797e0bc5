package dev.layerfit.inventory;

import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.archive.ArtifactContents;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What takes the space in one artifact: every file attributed to a distribution and a category, with
 * totals per distribution and per category. The total is the sum of {@code countedBytes()} of every
 * entry, so it equals the unzipped size AWS counts, to the byte.
 */
public final class Inventory {

    /** The pseudo-distribution of files at the top of a function zip ({@code app.py}, {@code lambda_function.py}). */
    public static final String FUNCTION_CODE = "(function code)";

    private final String label;
    private final int entryCount;
    private final long totalBytes;
    private final List<DistributionUsage> distributions;
    private final Map<Category, Long> categoryBytes;
    private final List<FileUsage> files;

    Inventory(String label, int entryCount, long totalBytes, List<DistributionUsage> distributions,
              Map<Category, Long> categoryBytes, List<FileUsage> files) {
        this.label = label;
        this.entryCount = entryCount;
        this.totalBytes = totalBytes;
        this.distributions = List.copyOf(distributions);
        this.categoryBytes = Collections.unmodifiableMap(new EnumMap<>(categoryBytes));
        this.files = List.copyOf(files);
    }

    /**
     * Attributes every entry of {@code contents}. Reads only small metadata files (RECORD, top_level.txt,
     * METADATA when a folder name is odd, package.json).
     *
     * @throws InventoryReadException when a metadata file cannot be read from the artifact
     */
    public static Inventory of(ArtifactContents contents) {
        return of(contents, ArtifactKind.DETECT);
    }

    /**
     * Like {@link #of(ArtifactContents)}, for a caller that knows whether the artifact is function code
     * or a layer (which decides where its site roots are).
     *
     * @throws InventoryReadException when a metadata file cannot be read from the artifact
     */
    public static Inventory of(ArtifactContents contents, ArtifactKind kind) {
        return new InventoryBuilder(contents, kind).build();
    }

    /** The artifact's label (its path as the user gave it). */
    public String label() {
        return label;
    }

    /** How many entries the artifact has, directories and duplicates included. */
    public int entryCount() {
        return entryCount;
    }

    /** The unzipped size as AWS counts it: the sum of every entry's {@code countedBytes()}. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Distributions, largest first (ties by name). */
    public List<DistributionUsage> distributions() {
        return distributions;
    }

    /** Bytes per category, every category present, in enum order. */
    public Map<Category, Long> categoryBytes() {
        return categoryBytes;
    }

    /** The bytes of all files in {@code category}. */
    public long bytes(Category category) {
        return categoryBytes.get(category);
    }

    /** Every file and symlink in archive order (directories are left out; they count 0 bytes). */
    public List<FileUsage> files() {
        return files;
    }

    /** The largest distribution with this name (compared PEP 503-normalised), if any. */
    public Optional<DistributionUsage> distribution(String name) {
        String wanted = ProjectName.canonicalize(name);
        return distributions.stream().filter(d -> ProjectName.canonicalize(d.name()).equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return "Inventory[" + label + ", " + totalBytes + " bytes, " + distributions.size() + " distributions]";
    }
}
