package dev.layerfit.inventory;

import dev.layerfit.python.pep508.ProjectName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds what a deployment pays for twice. AWS sums every artifact's unzipped size, so each extra copy of
 * a distribution costs its full size while only one copy is imported.
 *
 * <p>The rule for the copy that is used (kept simple on purpose): function code ({@code /var/task}) is
 * first on the search path; then, for Python, {@code /opt/python/lib/python3.X/site-packages}, then
 * {@code /opt/python} (for Node.js {@code /opt/nodejs/nodeNN/node_modules}, then
 * {@code /opt/nodejs/node_modules}); between copies at the same place the later layer wins, because layers
 * are extracted to {@code /opt} in order and later files overwrite earlier ones. The list given to
 * {@link #find} must hold the layers in the order they are attached (the function zip may be anywhere:
 * its root is recognised by its site roots). {@code wastedBytes} = bytes of all copies − bytes of the used copy.
 *
 * <p>Distributions are matched by ecosystem and PEP 503-normalised name (pseudo-distributions by their
 * folder name, so a vendored {@code requests/} folder matches the {@code requests} wheel); function code
 * and files outside every site root are not distributions here. Copies in one artifact and one site root
 * are one copy; two site roots of one artifact holding the same distribution are two copies.
 */
public final class DuplicateFinder {

    private DuplicateFinder() {
    }

    /** Duplicated distributions and files across {@code artifacts} (in attach order). */
    public static DuplicateReport find(List<Inventory> artifacts) {
        Map<String, Map<String, DistributionCopy>> groups = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < artifacts.size(); i++) {
            Inventory inventory = artifacts.get(i);
            for (DistributionUsage d : inventory.distributions()) {
                if (d.siteRoot().ecosystem() == Ecosystem.NONE || d.attributedBy() == AttributedBy.FUNCTION) {
                    continue;
                }
                String name = d.siteRoot().ecosystem() == Ecosystem.PYTHON ? ProjectName.canonicalize(d.name()) : d.name();
                String key = d.siteRoot().ecosystem() + "\0" + name;
                names.putIfAbsent(key, name);
                String where = i + "\0" + d.siteRoot().prefix();
                DistributionCopy copy = new DistributionCopy(i, inventory.label(), d.version(), d.siteRoot(), d.bytes());
                groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).merge(where, copy,
                        (a, b) -> new DistributionCopy(a.artifactIndex(), a.artifact(), a.version() != null ? a.version() : b.version(),
                                a.siteRoot(), a.bytes() + b.bytes()));
            }
        }
        List<DuplicateDistribution> duplicates = new ArrayList<>();
        for (Map.Entry<String, Map<String, DistributionCopy>> g : groups.entrySet()) {
            List<DistributionCopy> copies = new ArrayList<>(g.getValue().values());
            if (copies.size() < 2) {
                continue;
            }
            DistributionCopy used = copies.get(0);
            long total = 0;
            for (DistributionCopy c : copies) {
                total += c.bytes();
                if (c.winsOver(used)) {
                    used = c;
                }
            }
            duplicates.add(new DuplicateDistribution(names.get(g.getKey()), used.siteRoot().ecosystem(), copies, used,
                    total - used.bytes()));
        }
        duplicates.sort(Comparator.comparingLong(DuplicateDistribution::wastedBytes).reversed()
                .thenComparing(DuplicateDistribution::distribution));
        return new DuplicateReport(duplicates, fileDuplicates(artifacts));
    }

    /** The same per-file rule as for distributions, keyed by ecosystem and runtime path. */
    private static FileDuplicates fileDuplicates(List<Inventory> artifacts) {
        final class PathCopies {
            int count;
            long total;
            DistributionCopy used;
        }
        Map<String, PathCopies> byPath = new HashMap<>();
        for (int i = 0; i < artifacts.size(); i++) {
            for (FileUsage f : artifacts.get(i).files()) {
                String key = f.siteRoot().ecosystem().ordinal() + "\0" + f.runtimePath();
                PathCopies p = byPath.computeIfAbsent(key, k -> new PathCopies());
                DistributionCopy copy = new DistributionCopy(i, null, null, f.siteRoot(), f.bytes());
                p.count++;
                p.total += f.bytes();
                if (p.used == null || copy.winsOver(p.used)) {
                    p.used = copy;
                }
            }
        }
        int paths = 0;
        int redundant = 0;
        long wasted = 0;
        for (PathCopies p : byPath.values()) {
            if (p.count > 1) {
                paths++;
                redundant += p.count - 1;
                wasted += p.total - p.used.bytes();
            }
        }
        return new FileDuplicates(paths, redundant, wasted);
    }
}
