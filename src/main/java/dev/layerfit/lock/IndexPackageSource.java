package dev.layerfit.lock;

import dev.layerfit.archive.ArchiveEntry;
import dev.layerfit.archive.ZipIndex;
import dev.layerfit.python.sdist.SdistBuilder;
import dev.layerfit.python.index.CoreMetadata;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexFile;
import dev.layerfit.python.index.UnknownProjectException;
import dev.layerfit.python.pep440.SpecifierSet;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Marker;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.resolve.Candidate;
import dev.layerfit.python.resolve.Dependencies;
import dev.layerfit.python.resolve.DistributionFile;
import dev.layerfit.python.resolve.PackageSource;
import dev.layerfit.python.resolve.ResolveTarget;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The resolver's {@link PackageSource} over an {@link IndexClient}: a project's versions are its files grouped by
 * the version in their names (wheel and sdist names that do not parse are ignored), a version's metadata is the
 * core metadata of its best wheel for the target.
 *
 * <p>The resolver stays single-threaded, but the network need not wait for it: {@link #prefetch} starts listing the
 * required projects at once; when a project's files are listed, the metadata of the version the resolver will most
 * likely try (the newest usable one the requirement allows) is fetched in the background, and when that metadata
 * arrives, the pages of its dependencies (those whose markers hold for the target) are fetched too, and so on down
 * the graph. {@link #metadata} then finds a future already running or done.
 * A failed background fetch is reported only when the resolver asks for that item. With {@code threads == 0}
 * everything is fetched on the resolver's thread, on demand.
 */
public final class IndexPackageSource implements PackageSource, AutoCloseable {

    private final IndexClient client;
    private final ResolveTarget target;
    private final boolean allowPrereleases;
    private final ExecutorService pool;
    private final Map<String, CompletableFuture<List<Candidate>>> candidates = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Dependencies>> metadata = new ConcurrentHashMap<>();
    private final Map<String, IndexFile> indexFiles = new ConcurrentHashMap<>();
    private final Map<String, List<SpecifierSet>> specifiersSeen = new ConcurrentHashMap<>();
    private final java.util.Set<String> mustBeKnown = ConcurrentHashMap.newKeySet();
    private volatile SdistBuilder builder;
    private final Map<String, IndexFile> localWheels = new ConcurrentHashMap<>();
    private volatile boolean nativeSdistMetadata;

    /**
     * @param threads background fetchers (I/O bound; 8 to 16 is plenty), or 0 to fetch only on demand
     */
    public IndexPackageSource(IndexClient client, ResolveTarget target, boolean allowPrereleases, int threads) {
        this.client = client;
        this.target = target;
        this.allowPrereleases = allowPrereleases;
        this.pool = threads <= 0 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "layerfit-prefetch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /**
     * Lets the resolver choose versions that have only an sdist (when no version with a wheel fits): their metadata
     * comes from the wheel {@code builder} builds. Without it, sdists are never chosen.
     */
    public IndexPackageSource buildingSdistsWith(SdistBuilder builder) {
        this.builder = builder;
        return this;
    }

    /**
     * Makes {@code wheel} (a local file, e.g. the project {@code --with-project} built) the only candidate for the
     * project {@code normalizedName}: the index's own versions of that name are never listed, as pip installs a local
     * project rather than the index's.
     */
    public IndexPackageSource withLocalWheel(String normalizedName, Path wheel) {
        localWheels.put(normalizedName, new IndexFile(wheel.getFileName().toString(), wheel.toUri(), Locker.sha256Of(wheel), null,
                false, null, false, null, "--with-project"));
        return this;
    }

    /**
     * Reads the metadata of an sdist that builds a native wheel from that wheel, instead of failing: for a machine that
     * would build and install it itself (Chalice's {@code pip download} on the deploying machine).
     */
    public IndexPackageSource readingNativeSdistMetadata() {
        this.nativeSdistMetadata = true;
        return this;
    }

    @Override
    public boolean buildsSdists(String normalizedName) {
        return builder != null;
    }

    /**
     * The wheel built from the sdist a pin names (the lock then pins the sdist: its file, URL and sha256).
     *
     * @throws dev.layerfit.python.sdist.SdistBuildException when it cannot be built into a pure wheel
     */
    static Path builtWheel(SdistBuilder builder, IndexClient client, IndexFile sdist, String project) {
        Path local = client.download(sdist);
        String sha256 = sdist.sha256() != null ? sdist.sha256() : Locker.sha256Of(local);
        return builder.build(local, sha256, project);
    }

    /** The core metadata of a local wheel file (a built one). */
    static CoreMetadata wheelMetadata(Path wheel) {
        try (ZipIndex zip = ZipIndex.open(wheel)) {
            for (ArchiveEntry e : zip.entries()) {
                String n = e.name();
                if (n.matches("[^/]+\\.dist-info/METADATA")) {
                    return CoreMetadata.parse(zip.read(n),
                            wheel.getFileName() + " METADATA");
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("could not read the built wheel " + wheel, e);
        }
        throw new dev.layerfit.python.sdist.SdistBuildException("the wheel built as " + wheel.getFileName()
                + " has no .dist-info/METADATA");
    }

    /**
     * Projects some index must know: the names the user required. For them an unknown project is an error (with a
     * "did you mean"); any other project no index knows (a dependency, or a name only constrained) simply has no
     * versions, so the resolver can look for a version that does without it and otherwise explains, as pip does.
     */
    public void requireKnown(java.util.Collection<String> normalizedNames) {
        mustBeKnown.addAll(normalizedNames);
    }

    /**
     * {@inheritDoc}
     *
     * @throws UnknownProjectException when no index knows a project passed to {@link #requireKnown}
     */
    @Override
    public List<Candidate> versions(String normalizedName) {
        try {
            return join(candidatesFuture(normalizedName, false));
        } catch (UnknownProjectException e) {
            if (mustBeKnown.contains(normalizedName)) {
                throw e;
            }
            return List.of();
        }
    }

    @Override
    public Dependencies metadata(String normalizedName, Version version) {
        return join(metadataFuture(normalizedName, version, false));
    }

    /** Every file of {@code version} of a project already listed through {@link #versions}; empty when unknown. */
    public List<DistributionFile> files(String normalizedName, Version version) {
        return versions(normalizedName).stream().filter(c -> c.version().equals(version)).findFirst()
                .map(Candidate::files).orElse(List.of());
    }

    private CompletableFuture<List<Candidate>> candidatesFuture(String name, boolean background) {
        CompletableFuture<List<Candidate>> mine = new CompletableFuture<>();
        CompletableFuture<List<Candidate>> existing = candidates.putIfAbsent(name, mine);
        if (existing != null) {
            return existing;
        }
        Runnable work = () -> {
            try {
                IndexFile local = localWheels.get(name);
                mine.complete(group(local != null ? List.of(local) : client.files(name)));
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
        };
        run(work, background);
        return mine;
    }

    private CompletableFuture<Dependencies> metadataFuture(String name, Version version, boolean background) {
        CompletableFuture<Dependencies> mine = new CompletableFuture<>();
        CompletableFuture<Dependencies> existing = metadata.putIfAbsent(name + "==" + version, mine);
        if (existing != null) {
            return existing;
        }
        Runnable work = () -> {
            try {
                Dependencies deps = fetchMetadata(name, version);
                mine.complete(deps);
                prefetchAll(deps.requiresDist());
            } catch (RuntimeException | Error e) {
                mine.completeExceptionally(e);
            }
        };
        run(work, background);
        return mine;
    }

    private void run(Runnable work, boolean background) {
        if (background && pool != null && !pool.isShutdown()) {
            try {
                pool.execute(work);
                return;
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile: do the work here
            }
        }
        work.run();
    }

    private Dependencies fetchMetadata(String name, Version version) {
        List<DistributionFile> files = files(name, version);
        IndexFile best = bestWheel(files).map(f -> indexFiles.get(f.url())).orElse(null);
        SdistBuilder b = builder;
        if (best == null && b != null) {
            Optional<DistributionFile> sdist = files.stream().filter(f -> !f.filename().endsWith(".whl")).findFirst();
            if (sdist.isPresent()) {
                Path built;
                try {
                    built = builtWheel(b, client, indexFiles.get(sdist.get().url()), name);
                } catch (dev.layerfit.python.sdist.SdistBuildException e) {
                    if (!nativeSdistMetadata || e.reason() != dev.layerfit.python.sdist.SdistBuildException.Cause.NOT_PURE
                            || e.builtWheel() == null) {
                        throw e;
                    }
                    built = e.builtWheel();
                }
                CoreMetadata m = wheelMetadata(built);
                return new Dependencies(m.requiresDist(), m.requiresPython());
            }
        }
        if (best == null) {
            // no wheel: let the client say so (it names the sdist); the resolver never asks for such versions
            best = files.isEmpty() ? null : indexFiles.get(files.get(0).url());
        }
        if (best == null) {
            return new Dependencies(List.of(), null);
        }
        CoreMetadata m = client.metadata(best);
        return new Dependencies(m.requiresDist(), m.requiresPython());
    }

    /** The wheel the target would install: usable files first (Requires-Python holds, not yanked), then best tag. */
    static Optional<DistributionFile> bestWheel(List<DistributionFile> files, ResolveTarget target) {
        DistributionFile best = null;
        long bestRank = Long.MAX_VALUE;
        for (DistributionFile f : files) {
            OptionalInt priority = f.wheel().map(w -> target.tags().priority(w)).orElse(OptionalInt.empty());
            if (priority.isEmpty()) {
                continue;
            }
            boolean usable = !f.yanked() && (f.requiresPython() == null || requiresPythonAllows(f.requiresPython(), target));
            long rank = (usable ? 0L : 1L << 32) + priority.getAsInt();
            if (rank < bestRank) {
                bestRank = rank;
                best = f;
            }
        }
        return Optional.ofNullable(best);
    }

    private Optional<DistributionFile> bestWheel(List<DistributionFile> files) {
        return bestWheel(files, target);
    }

    static boolean requiresPythonAllows(String specifier, ResolveTarget target) {
        try {
            return dev.layerfit.python.pep440.SpecifierSet.parse(specifier)
                    .contains(target.pythonFullVersion().toString(), Boolean.TRUE);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private List<Candidate> group(List<IndexFile> files) {
        Map<Version, List<DistributionFile>> byVersion = new LinkedHashMap<>();
        for (IndexFile f : files) {
            Optional<Version> version = DistributionFilenames.version(f.filename());
            if (version.isEmpty()) {
                continue;
            }
            indexFiles.put(f.url().toString(), f);
            byVersion.computeIfAbsent(version.get(), v -> new ArrayList<>()).add(new DistributionFile(f.filename(),
                    f.url().toString(), f.sha256(), f.requiresPython(), f.yanked()));
        }
        List<Candidate> out = new ArrayList<>();
        byVersion.forEach((v, fs) -> out.add(new Candidate(v, fs)));
        return out;
    }

    /**
     * Starts listing the required projects and fetching the metadata of the versions their specifiers make likely,
     * before the resolver asks (call it with the top-level requirements).
     */
    public void prefetch(List<Requirement> requirements) {
        prefetchAll(requirements);
    }

    /**
     * Starts fetching the metadata of the newest version with a usable wheel (a final release unless allowed) that
     * every specifier seen so far for the project allows.
     */
    private void prefetchLikelyVersion(String name, List<Candidate> found) {
        List<SpecifierSet> specifiers = List.copyOf(specifiersSeen.getOrDefault(name, List.of()));
        if (pool == null) {
            return;
        }
        List<Candidate> newestFirst = new ArrayList<>(found);
        newestFirst.sort((a, b) -> b.version().compareTo(a.version())); // not Comparator.comparing (docs/architecture.md, Start-up)
        Candidate likely = null;
        for (Candidate c : newestFirst) {
            boolean usable = c.files().stream().anyMatch(f -> !f.yanked() && f.wheel().isPresent()
                    && target.tags().priority(f.wheel().get()).isPresent()
                    && (f.requiresPython() == null || requiresPythonAllows(f.requiresPython(), target)));
            boolean allowed = specifiers.stream().allMatch(sp -> sp.contains(c.version().toString(), Boolean.TRUE));
            if (usable && allowed && (allowPrereleases || !c.version().isPrerelease())) {
                likely = c;
                break;
            }
        }
        if (likely != null) {
            metadataFuture(name, likely.version(), true);
        }
    }

    /**
     * Starts listing the projects of {@code requirements} whose markers hold for the target (without extras) and
     * then fetching the metadata of the newest version each requirement allows.
     */
    private void prefetchAll(List<Requirement> requirements) {
        if (pool == null) {
            return;
        }
        Map<String, String> env = new HashMap<>(target.markers().asMap());
        env.put("extra", "");
        for (Requirement r : requirements) {
            if (r.url().isPresent() || !holds(r.marker(), env)) {
                continue;
            }
            String name = r.normalizedName();
            specifiersSeen.computeIfAbsent(name, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(r.specifier());
            candidatesFuture(name, true).thenAccept(found -> prefetchLikelyVersion(name, found));
        }
    }

    private static boolean holds(Optional<Marker> marker, Map<String, String> env) {
        try {
            return marker.map(m -> m.evaluate(env)).orElse(true);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error r) {
                throw r;
            }
            throw e;
        }
    }

    /** Stops the background fetchers (fetches under way finish; their results are dropped). */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
