package dev.layerfit.inventory;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.ArtifactContents;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link Inventory}: locates each entry's site root, lets the Python, Node.js and Java
 * attributors name its distribution, categorises it by its runtime path, and sums. A file listed by a
 * RECORD belongs to that distribution wherever it lies (a script in {@code python/bin/}); files outside
 * every site root belong to a pseudo-distribution named after their top-level folder ({@code bin/}).
 */
final class InventoryBuilder {

    private final ArtifactContents contents;
    private final ArtifactKind kind;

    InventoryBuilder(ArtifactContents contents, ArtifactKind kind) {
        this.contents = contents;
        this.kind = kind;
    }

    Inventory build() {
        List<ArchiveEntry> entries = contents.entries();
        SiteRootLocator locator = SiteRootLocator.forEntries(entries, kind);
        List<RootedEntry> located = new ArrayList<>(entries.size());
        long total = 0;
        for (ArchiveEntry e : entries) {
            total += e.countedBytes();
            if (!e.isDirectory()) {
                SiteRoot root = locator.locate(e.name());
                located.add(new RootedEntry(e, root, e.name().substring(root.prefix().length())));
            }
        }
        PseudoDistributions pseudo = new PseudoDistributions();
        PythonAttributor python = new PythonAttributor(contents, located, pseudo);
        NodeAttributor node = new NodeAttributor(contents, located, pseudo);
        Map<String, DistributionTally> jars = new HashMap<>();

        List<DistributionTally> owners = new ArrayList<>(located.size());
        List<Category> categories = new ArrayList<>(located.size());
        Map<DistributionTally, Boolean> seen = new IdentityHashMap<>();
        List<DistributionTally> order = new ArrayList<>();
        long[] categoryBytes = new long[Category.values().length];
        for (RootedEntry f : located) {
            DistributionTally owner = python.listedOwner(f.name());
            if (owner == null) {
                owner = switch (f.root().ecosystem()) {
                    case PYTHON -> python.attribute(f);
                    case NODE -> node.attribute(f);
                    case JAVA -> jarOrFolder(f, jars, pseudo);
                    case NONE -> pseudo.get(f.root(), outsideName(f.runtimePath()), AttributedBy.FOLDER);
                };
            }
            Category category = Categorizer.categorize(f.runtimePath());
            long bytes = f.entry().countedBytes();
            owner.add(bytes, category);
            categoryBytes[category.ordinal()] += bytes;
            owners.add(owner);
            categories.add(category);
            if (seen.put(owner, Boolean.TRUE) == null) {
                order.add(owner);
            }
        }

        List<FileUsage> files = new ArrayList<>(located.size());
        for (int i = 0; i < located.size(); i++) {
            RootedEntry f = located.get(i);
            files.add(new FileUsage(f.entry(), f.root(), f.runtimePath(), owners.get(i).freeze(), categories.get(i)));
        }
        List<DistributionUsage> distributions = new ArrayList<>(order.size());
        for (DistributionTally t : order) {
            distributions.add(t.freeze());
        }
        distributions.sort(Comparator.comparingLong((DistributionUsage d) -> d.bytes()).reversed()
                .thenComparing(DistributionUsage::name));
        Map<Category, Long> byCategory = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            byCategory.put(c, categoryBytes[c.ordinal()]);
        }
        return new Inventory(contents.label(), entries.size(), total, distributions, byCategory, files);
    }

    private static DistributionTally jarOrFolder(RootedEntry f, Map<String, DistributionTally> jars, PseudoDistributions pseudo) {
        String path = f.runtimePath();
        if (path.indexOf('/') < 0 && path.endsWith(".jar")) {
            return jars.computeIfAbsent(f.name(), k -> {
                JarName jar = JarName.of(path);
                return new DistributionTally(jar.name(), jar.version(), AttributedBy.JAR, f.root());
            });
        }
        return pseudo.get(f.root(), PseudoDistributions.topLevelName(path), AttributedBy.FOLDER);
    }

    /** {@code bin/ffmpeg} → {@code bin/}; a file at the artifact root keeps its own name. */
    private static String outsideName(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash + 1);
    }
}
