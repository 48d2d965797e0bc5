package dev.layerfit.pipeline;

import dev.layerfit.archive.ZipIndex;
import dev.layerfit.lambda.ByteSizeFormat;
import dev.layerfit.layer.RuleResult;
import dev.layerfit.layer.SlimOptions;
import dev.layerfit.layer.SlimProfile;
import dev.layerfit.layer.SlimReport;
import dev.layerfit.layer.Slimmer;
import dev.layerfit.cache.CacheRoot;
import dev.layerfit.lock.IndexBuildRequirements;
import dev.layerfit.lock.LockedPackage;
import dev.layerfit.python.build.SdistBuilder;
import dev.layerfit.python.index.IndexFile;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.install.InstalledSize;
import dev.layerfit.python.requirements.RequirementsInput;
import dev.layerfit.python.requirements.RequirementsSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The {@code plan} flow: pin ─▶ each wheel's central directory (a local file opened in place, a remote one by
 * ranged reads of its tail) ─▶ {@link InstalledSize} per distribution (exact bytes as installed) ─▶ the slim
 * profile's removals by {@link Slimmer#dryRun} ─▶ a layer layout within the layer count ─▶ advice.
 *
 * <p>Layout: with several requirements files, each file is a layer (the user's grouping) when they fit the count;
 * every distribution goes in exactly one layer, a shared dependency in the first layer that needs it. Otherwise the
 * layers are ordered by size and the smallest merged into the last allowed one (big, stable layers change least).
 */
public final class LayerPlanner {

    /** Lambda's unzipped limit for the function and all its layers. */
    public static final long LIMIT = 262_144_000L;
    static final int THREADS = 8;

    private LayerPlanner() {
    }

    /** Plans the request's layers. */
    public static Plan plan(PlanRequest request) throws IOException {
        IndexClient client = request.index().client(request.input());
        PinnedSet pins = Pinner.pin(request.input(), request.target(), request.index(), client);
        List<String> notes = new ArrayList<>(pins.warnings());
        Map<String, InstalledSize> sizes = predict(pins, request, client, notes);
        List<Group> groups = group(request, pins, notes);
        if (groups.size() > request.maxLayers()) {
            groups = merge(groups, sizes, request.maxLayers(), notes);
        }
        List<PlannedLayer> layers = new ArrayList<>();
        Map<String, long[]> removedByRule = new LinkedHashMap<>();
        long total = 0;
        long installed = 0;
        for (Group g : groups) {
            InstalledSize combined = InstalledSize.combine(g.packages.stream().map(sizes::get).toList());
            SlimReport slim = Slimmer.dryRun(combined.siteFiles(request.layout()), request.slim());
            slim.removed().forEach(r -> {
                long[] t = removedByRule.computeIfAbsent(r.rule(), k -> new long[2]);
                t[0] += r.bytes();
                t[1] += r.files();
            });
            slim.notes().stream().filter(n -> !notes.contains(n) && !n.startsWith("dry run")).forEach(notes::add);
            long predicted = combined.unzippedBytes() - slim.totalBytes();
            layers.add(new PlannedLayer(g.name, g.packages, combined.unzippedBytes(), predicted));
            total += predicted;
            installed += combined.unzippedBytes();
        }
        List<RuleResult> removed = new ArrayList<>();
        removedByRule.forEach((rule, t) -> removed.add(new RuleResult(rule, t[0], (int) t[1])));
        Map<String, Long> perDistribution = new LinkedHashMap<>();
        sizes.entrySet().stream().sorted(Map.Entry.<String, InstalledSize>comparingByValue(
                Comparator.comparingLong(InstalledSize::unzippedBytes)).reversed())
                .forEach(e -> perDistribution.put(e.getKey(), e.getValue().unzippedBytes()));
        boolean fits = total < LIMIT;
        List<String> advice = advice(request, sizes, total, fits);
        return new Plan(total, installed, perDistribution, removed, layers, fits, advice, notes);
    }

    private record Group(String name, List<String> packages) {
    }

    /**
     * Predicted installed files per pin ({@code name==version}), wheels read in parallel. A pin of an sdist (a lock
     * whose version has only one, or a resolution that chose one) is measured on the pure wheel built from it, as
     * {@code build} installs it (the build is cached by the sdist's sha256, so {@code build} later reuses it).
     */
    private static Map<String, InstalledSize> predict(PinnedSet pins, PlanRequest request, IndexClient client, List<String> notes)
            throws IOException {
        Optional<SdistBuilder> builder = pins.packages().stream().anyMatch(p -> !p.pin().filename().endsWith(".whl"))
                ? IndexBuildRequirements.builder(client, CacheRoot.get()) : Optional.empty();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "layerfit-plan");
            t.setDaemon(true);
            return t;
        });
        try {
            Map<String, Future<InstalledSize>> futures = new LinkedHashMap<>();
            for (LockedPackage p : pins.packages()) {
                futures.put(key(p), pool.submit(() -> {
                    IndexFile file = PinnedSet.indexFile(p);
                    try (ZipIndex index = file.isWheel() ? client.wheelIndex(file)
                            : ZipIndex.open(IndexBuildRequirements.wheelFor(file, client, builder, p.pin().name()))) {
                        return InstalledSize.predict(index, request.layout());
                    }
                }));
            }
            Map<String, InstalledSize> out = new TreeMap<>();
            for (Map.Entry<String, Future<InstalledSize>> e : futures.entrySet()) {
                out.put(e.getKey(), Futures.await(e.getValue(), "reading wheels"));
            }
            builder.ifPresent(b -> b.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String key(LockedPackage p) {
        return p.pin().name() + "==" + p.pin().version();
    }

    /** One group per requirements file (shared dependencies in the first that needs them), or one for all. */
    private static List<Group> group(PlanRequest request, PinnedSet pins, List<String> notes) {
        List<String> all = pins.packages().stream().map(LayerPlanner::key).toList();
        if (request.input().sources().size() == 1) {
            return List.of(new Group(RequirementsInput.shortName(request.input().sources().get(0)), new ArrayList<>(all)));
        }
        Map<String, String> byName = pins.packages().stream().collect(Collectors.toMap(p -> p.pin().name(), LayerPlanner::key));
        Set<String> placed = new LinkedHashSet<>();
        Map<String, List<String>> needers = new TreeMap<>();
        List<Group> groups = new ArrayList<>();
        for (RequirementsSource source : request.input().sources()) {
            RequirementsInput one = request.input().only(source);
            IndexClient client = request.index().client(one);
            PinnedSet alone = Pinner.pin(one, request.target(), request.index(), client);
            List<String> mine = new ArrayList<>();
            for (LockedPackage p : alone.packages()) {
                String merged = byName.get(p.pin().name());
                if (merged == null) {
                    continue;
                }
                needers.computeIfAbsent(merged, k -> new ArrayList<>()).add(RequirementsInput.shortName(source));
                if (placed.add(merged)) {
                    mine.add(merged);
                }
            }
            groups.add(new Group(RequirementsInput.shortName(source), mine));
        }
        for (String p : all) {
            if (placed.add(p)) {
                groups.get(0).packages.add(p);
                notes.add(p + " is needed only when the files are resolved together; it goes in the first layer");
            }
        }
        needers.forEach((p, files) -> {
            if (files.size() > 1) {
                notes.add(p + " is needed by " + String.join(", ", files) + "; it goes only in the first, " + files.get(0));
            }
        });
        groups.forEach(g -> g.packages.sort(null));
        return groups.stream().filter(g -> !g.packages.isEmpty()).toList();
    }

    /** Keeps the biggest groups, merges the rest into the last allowed layer. */
    private static List<Group> merge(List<Group> groups, Map<String, InstalledSize> sizes, int max, List<String> notes) {
        List<Group> bySize = new ArrayList<>(groups);
        bySize.sort(Comparator.comparingLong((Group g) -> g.packages.stream().mapToLong(p -> sizes.get(p).unzippedBytes()).sum())
                .reversed());
        List<Group> out = new ArrayList<>(bySize.subList(0, max - 1));
        List<Group> rest = bySize.subList(max - 1, bySize.size());
        List<String> packages = new ArrayList<>();
        rest.forEach(g -> packages.addAll(g.packages));
        packages.sort(null);
        String name = "merged: " + rest.stream().map(Group::name).collect(Collectors.joining(", "));
        out.add(new Group(name, packages));
        notes.add(groups.size() + " requirements files but at most " + max + " layers: kept the " + (max - 1)
                + " biggest as they are and merged the others into one layer");
        return out;
    }

    private static List<String> advice(PlanRequest request, Map<String, InstalledSize> sizes, long total, boolean fits) {
        List<String> advice = new ArrayList<>();
        if (fits) {
            advice.add("the layers fit: " + ByteSizeFormat.human(total) + " of " + ByteSizeFormat.mib(LIMIT) + ", "
                    + ByteSizeFormat.mib(LIMIT - total) + " left for the function code");
            return advice;
        }
        InstalledSize all = InstalledSize.combine(List.copyOf(sizes.values()));
        Map<String, Long> site = all.siteFiles(request.layout());
        SlimOptions leanest = new SlimOptions(SlimProfile.AGGRESSIVE, request.target().runtime(), List.of("(none)"),
                request.slim().excludes(), request.slim().keeps());
        long floor = all.unzippedBytes() - Slimmer.dryRun(site, leanest).totalBytes();
        SlimOptions aggressive = new SlimOptions(SlimProfile.AGGRESSIVE, request.target().runtime(),
                request.slim().keepDiscovery(), request.slim().excludes(), request.slim().keeps());
        long withAggressive = all.unzippedBytes() - Slimmer.dryRun(site, aggressive).totalBytes();
        String requirements = request.input().describe();
        if (request.slim().profile() != SlimProfile.AGGRESSIVE && withAggressive < LIMIT) {
            advice.add("--slim aggressive would bring it to " + ByteSizeFormat.mib(withAggressive) + " (the Lambda runtime's boto3 "
                    + "is used then); plan again with it to see the layout");
        } else if (floor < LIMIT) {
            advice.add("keeping only the Google API discovery documents the code uses (--keep-discovery NAME, e.g. drive.v3) with "
                    + "--slim aggressive brings it to at most " + ByteSizeFormat.mib(floor) + "; plan again with them");
        } else {
            advice.add("nothing fits under " + ByteSizeFormat.mib(LIMIT) + ": even --slim aggressive without any discovery "
                    + "document leaves " + ByteSizeFormat.mib(floor) + "; deploy as a container image (up to 10 GB): "
                    + "layerfit dockerfile " + flags(request) + " " + requirements);
        }
        return advice;
    }

    private static String flags(PlanRequest request) {
        var runtime = request.target().runtime();
        String target = runtime.isCustom() ? "--python-version " + runtime.pythonVersion() + " --glibc " + runtime.glibcVersion()
                : "--runtime " + runtime.name();
        return target + " --arch " + request.target().arch().lambdaName();
    }
}
