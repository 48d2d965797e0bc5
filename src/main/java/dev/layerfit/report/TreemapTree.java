package dev.layerfit.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.inventory.Category;
import dev.layerfit.inventory.DistributionUsage;
import dev.layerfit.inventory.FileUsage;
import dev.layerfit.inventory.Inventory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data of the HTML treemap: artifact → distribution → folder → file, with exact bytes at every node
 * (a node's bytes are the sum of its children's). Files too small to see are folded into one
 * "(N small files)" node per folder, and a folder holding only such files becomes one node, so the data
 * stays small however many files a deployment has.
 *
 * <p>Node keys (short, the page may carry thousands): {@code n} name, {@code b} bytes, {@code c} category
 * index (the category with the most bytes for a folder), {@code k} children, {@code f} files folded into
 * the node, {@code r} an artifact's role, {@code d} 1 for a distribution copy that is shadowed by another
 * copy (wasted) and 2 for the copy that is imported, {@code x} a note on the duplicate.
 */
final class TreemapTree {

    /** At most this many files are shown one by one; smaller ones are folded. */
    static final int MAX_SHOWN_FILES = 2500;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Category[] CATEGORIES = Category.values();
    private static final Comparator<ObjectNode> LARGEST_FIRST = Comparator
            .comparingLong((ObjectNode o) -> o.get("b").asLong()).reversed()
            .thenComparing(o -> o.get("n").asText());

    /** A distribution copy that is in more than one place: whether it is imported, and a sentence about it. */
    record DuplicateMark(boolean used, String note) {
    }

    /** One artifact to draw. */
    record Part(String name, String role, long unzippedBytes, Inventory inventory,
            Map<DistributionUsage, DuplicateMark> duplicates) {
    }

    private final long threshold;

    private TreemapTree(long threshold) {
        this.threshold = threshold;
    }

    /** The tree of a whole deployment; its root is named {@code title}. */
    static ObjectNode of(String title, List<Part> parts) {
        long[] sizes = parts.stream().flatMap(p -> p.inventory().files().stream()).mapToLong(FileUsage::bytes)
                .sorted().toArray();
        long threshold = sizes.length > MAX_SHOWN_FILES ? sizes[sizes.length - MAX_SHOWN_FILES - 1] : -1;
        TreemapTree t = new TreemapTree(threshold);
        ObjectNode root = JSON.objectNode();
        root.put("n", title);
        long total = 0;
        ArrayNode kids = root.putArray("k");
        for (Part p : parts) {
            kids.add(t.artifact(p));
            total += p.unzippedBytes();
        }
        root.put("b", total);
        return root;
    }

    /** One function's artifacts, drawn as one top-level box. */
    record Group(String name, List<Part> parts) {
    }

    /** The tree of several functions: root → function → artifact → distribution → folder → file. */
    static ObjectNode ofFunctions(String title, List<Group> groups) {
        long[] sizes = groups.stream().flatMap(g -> g.parts().stream()).flatMap(p -> p.inventory().files().stream())
                .mapToLong(FileUsage::bytes).sorted().toArray();
        long threshold = sizes.length > MAX_SHOWN_FILES ? sizes[sizes.length - MAX_SHOWN_FILES - 1] : -1;
        TreemapTree t = new TreemapTree(threshold);
        ObjectNode root = JSON.objectNode();
        root.put("n", title);
        long total = 0;
        ArrayNode kids = root.putArray("k");
        for (Group g : groups) {
            ObjectNode fn = JSON.objectNode();
            fn.put("n", g.name());
            long bytes = 0;
            List<ObjectNode> artifacts = new ArrayList<>();
            for (Part p : g.parts()) {
                artifacts.add(t.artifact(p));
                bytes += p.unzippedBytes();
            }
            fn.put("b", bytes);
            fn.put("r", "function");
            fn.put("c", artifacts.stream().max(Comparator.comparingLong(o -> o.get("b").asLong()))
                    .map(o -> o.get("c").asInt()).orElse(0));
            fn.putArray("k").addAll(artifacts);
            kids.add(fn);
            total += bytes;
        }
        root.put("b", total);
        return root;
    }

    private ObjectNode artifact(Part p) {
        Map<DistributionUsage, Folder> byDist = new IdentityHashMap<>();
        List<DistributionUsage> order = new ArrayList<>();
        for (FileUsage f : p.inventory().files()) {
            Folder top = byDist.computeIfAbsent(f.distribution(), d -> {
                order.add(d);
                return new Folder(label(d));
            });
            top.add(f.runtimePath() == null || f.runtimePath().isEmpty() ? f.entry().name() : f.runtimePath(), f);
        }
        List<ObjectNode> dists = new ArrayList<>();
        for (DistributionUsage d : order) {
            ObjectNode n = node(byDist.get(d), true);
            DuplicateMark mark = p.duplicates().get(d);
            if (mark != null) {
                n.put("d", mark.used() ? 2 : 1);
                n.put("x", mark.note());
            }
            dists.add(n);
        }
        ObjectNode a = JSON.objectNode();
        a.put("n", p.name());
        a.put("b", p.unzippedBytes());
        a.put("r", p.role());
        a.put("c", dominant(byCategory(p.inventory())));
        dists.sort(LARGEST_FIRST);
        a.putArray("k").addAll(dists);
        return a;
    }

    private static long[] byCategory(Inventory inv) {
        long[] out = new long[CATEGORIES.length];
        inv.categoryBytes().forEach((c, b) -> out[c.ordinal()] += b);
        return out;
    }

    private static String label(DistributionUsage d) {
        return d.version() == null ? d.name() : d.name() + " " + d.version();
    }

    private ObjectNode node(Folder folder, boolean keepAsFolder) {
        ObjectNode n = JSON.objectNode();
        n.put("b", folder.bytes);
        n.put("c", dominant(folder.categories));
        if (!keepAsFolder && !folder.hasShownFile) {
            n.put("n", folder.name + "/ (" + folder.fileCount + (folder.fileCount == 1 ? " file)" : " files)"));
            n.put("f", folder.fileCount);
            return n;
        }
        Folder f = folder;
        String name = folder.name;
        while (!keepAsFolder && f.files.isEmpty() && f.folders.size() == 1) {
            f = f.folders.values().iterator().next();
            name += "/" + f.name;
        }
        n.put("n", name);
        List<ObjectNode> kids = new ArrayList<>();
        for (Folder sub : f.folders.values()) {
            kids.add(node(sub, false));
        }
        long smallBytes = 0;
        long[] smallCats = new long[CATEGORIES.length];
        List<FileUsage> small = new ArrayList<>();
        for (FileUsage file : f.files) {
            if (file.bytes() > threshold) {
                kids.add(leaf(file));
            } else {
                small.add(file);
                smallBytes += file.bytes();
                smallCats[file.category().ordinal()] += file.bytes();
            }
        }
        if (small.size() == 1) {
            kids.add(leaf(small.get(0)));
        } else if (small.size() > 1) {
            ObjectNode agg = JSON.objectNode();
            agg.put("n", "(" + small.size() + " small files)");
            agg.put("b", smallBytes);
            agg.put("c", dominant(smallCats));
            agg.put("f", small.size());
            kids.add(agg);
        }
        kids.sort(LARGEST_FIRST);
        n.putArray("k").addAll(kids);
        return n;
    }

    private static ObjectNode leaf(FileUsage file) {
        ObjectNode n = JSON.objectNode();
        String path = file.runtimePath() == null || file.runtimePath().isEmpty() ? file.entry().name() : file.runtimePath();
        n.put("n", path.substring(path.lastIndexOf('/') + 1));
        n.put("b", file.bytes());
        n.put("c", file.category().ordinal());
        return n;
    }

    private static int dominant(long[] categories) {
        int best = Category.OTHER.ordinal();
        long max = 0;
        for (int i = 0; i < categories.length; i++) {
            if (categories[i] > max) {
                max = categories[i];
                best = i;
            }
        }
        return best;
    }

    /** A folder of one distribution while the tree is built. */
    private final class Folder {
        final String name;
        final TreeMap<String, Folder> folders = new TreeMap<>();
        final List<FileUsage> files = new ArrayList<>();
        final long[] categories = new long[CATEGORIES.length];
        long bytes;
        int fileCount;
        boolean hasShownFile;

        Folder(String name) {
            this.name = name;
        }

        void add(String path, FileUsage file) {
            Folder at = this;
            int start = 0;
            for (int slash = path.indexOf('/'); slash >= 0 && slash < path.length() - 1; slash = path.indexOf('/', start)) {
                at.count(file);
                at = at.folders.computeIfAbsent(path.substring(start, slash), Folder::new);
                start = slash + 1;
            }
            at.count(file);
            at.files.add(file);
        }

        private void count(FileUsage file) {
            bytes += file.bytes();
            fileCount++;
            categories[file.category().ordinal()] += file.bytes();
            hasShownFile |= file.bytes() > threshold;
        }
    }
}
