package dev.layerfit.lock;

import dev.layerfit.cache.CacheRoot;
import dev.layerfit.lambda.Architecture;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.python.sdist.SdistBuilder;
import dev.layerfit.python.index.HashMismatchException;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexFile;
import dev.layerfit.python.index.IndexOptions;
import dev.layerfit.python.index.Netrc;
import dev.layerfit.python.index.PipConfiguration;
import dev.layerfit.python.index.RetryPolicy;
import dev.layerfit.python.index.UserHome;
import dev.layerfit.python.index.UvConfiguration;
import dev.layerfit.python.requirements.LocalProject;
import dev.layerfit.python.requirements.LockTarget;
import dev.layerfit.python.requirements.LockedWheel;
import dev.layerfit.python.requirements.ReadRequirements;
import dev.layerfit.python.requirements.RequirementsReader;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.pep508.RequirementsFile;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import dev.layerfit.python.resolve.AlternativeTarget;
import dev.layerfit.python.resolve.DistributionFile;
import dev.layerfit.python.resolve.PinnedPackage;
import dev.layerfit.python.resolve.Resolution;
import dev.layerfit.python.resolve.ResolveTarget;
import dev.layerfit.python.resolve.Resolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * The {@code resolve} flow: requirements files ─▶ target ─▶ index client ─▶ resolver ─▶ {@link Lock}.
 *
 * <p>Requirements come from any {@link dev.layerfit.python.requirements.RequirementsInput} (pip requirements files,
 * specifiers, {@code pyproject.toml}); a lock ({@code uv.lock}, {@code poetry.lock}, {@code Pipfile.lock},
 * {@code pylock.toml}, a hashed requirements file) is taken as it is ({@link LockedPins}). Index options are layered as
 * pip layers them: pip's configuration (files and {@code PIP_*} variables), uv's configuration over it, then
 * each requirements file's options, then the command line. The configuration's {@code constraint} files apply too,
 * as they do for {@code pip install}. Requirements files are pip's {@code -r} files; their requirements are merged.
 * A requirement line's {@code --hash} values restrict the lock's hashes for that project (and fail the lock when no
 * installable wheel of the chosen version has one of them).
 */
public final class Locker {

    /** Background fetchers: I/O bound, so more than the cores. */
    public static final int DEFAULT_THREADS = 12;

    private final IndexOptions configured;
    private final List<Path> configuredConstraints;
    private final Netrc netrc;
    private final Path cacheDir;
    private final int threads;
    private final boolean nativeSdistMetadata;

    /**
     * @param configured            the index options from pip's configuration ({@link IndexOptions#defaults()} for none)
     * @param configuredConstraints constraint files from pip's configuration
     * @param threads               background metadata fetchers, 0 for none
     */
    public Locker(IndexOptions configured, List<Path> configuredConstraints, Netrc netrc, Path cacheDir, int threads) {
        this(configured, configuredConstraints, netrc, cacheDir, threads, false);
    }

    private Locker(IndexOptions configured, List<Path> configuredConstraints, Netrc netrc, Path cacheDir, int threads,
            boolean nativeSdistMetadata) {
        this.configured = configured;
        this.configuredConstraints = List.copyOf(configuredConstraints);
        this.netrc = netrc;
        this.cacheDir = cacheDir;
        this.threads = threads;
        this.nativeSdistMetadata = nativeSdistMetadata;
    }

    /**
     * This locker, but an sdist that builds a native wheel is resolved with that wheel's metadata instead of failing
     * the lock (the pin names the sdist): for a machine that builds and installs it itself, as Chalice's
     * {@code pip download} on the deploying machine does.
     */
    public Locker readingNativeSdistMetadata() {
        return new Locker(configured, configuredConstraints, netrc, cacheDir, threads, true);
    }

    /** A locker with this process's settings: pip's configuration, {@code $NETRC} or {@code ~/.netrc}, the cache root. */
    public static Locker fromEnvironment(int threads) throws IOException {
        PipConfiguration pip = PipConfiguration.load();
        Path home = UserHome.get();
        String netrcPath = System.getenv("NETRC");
        Netrc netrc = Netrc.read(netrcPath == null || netrcPath.isBlank() ? home.resolve(".netrc") : Path.of(netrcPath));
        List<Path> constraints = pip.getList("constraint").stream().map(Path::of).toList();
        return new Locker(configuredOptions(pip, Path.of("")), constraints, netrc, CacheRoot.get(), threads);
    }

    /**
     * Resolves the request's requirements for its target.
     *
     * @throws dev.layerfit.python.resolve.ResolutionImpossibleException when nothing satisfies them (exit 1)
     * @throws dev.layerfit.python.index.UnknownProjectException          for a project no index knows (exit 2)
     * @throws HashMismatchException                                       when a file differs from its promised hash (exit 2)
     * @throws dev.layerfit.python.index.IndexUnavailableException        when an index cannot be reached (exit 3)
     */
    public Lock lock(LockRequest request) {
        PythonTarget target = request.target();
        ResolveTarget resolveTarget = ResolveTarget.of(target.runtime().pythonFullVersion(), target.arch().wheelMachine(),
                target.glibcMajor(), target.glibcMinor());
        ReadRequirements read = RequirementsReader.read(request.input(), lockTarget(target, resolveTarget));
        IndexOptions options = configured;
        for (RequirementsFile rf : read.requirementsFiles()) {
            options = options.withRequirementsFile(rf);
        }
        options = options.withCommandLine(request.indexUrl(), request.extraIndexUrls(), request.findLinks(), request.noIndex());
        IndexClient client = IndexClient.create(options, netrc, RetryPolicy.standard(), cacheDir);
        if (read.locked().isPresent()) {
            List<LockedPackage> pins = LockedPins.pin(read.locked().get(), resolveTarget, target.describe(), client);
            return new Lock(target, resolveTarget, pins, client.stats(), client.warnings(), true);
        }
        List<RequirementsFileEntry> requirements = read.requirements();
        List<Requirement> constraints = new ArrayList<>();
        boolean pre = request.pre() || read.pre();
        for (Path c : configuredConstraints) {
            read(c, "constraint file named in pip's configuration").requirements().forEach(e -> constraints.add(e.requirement()));
        }
        read.constraints().forEach(e -> constraints.add(e.requirement()));
        SdistBuilder builder = IndexBuildRequirements.builder(client, cacheDir).orElse(null);
        // background fetchers only where they hide latency: on a local index they only compete for the cores
        // (bench/resolve.sh, docs/benchmarks.md: warm resolves of the web and backtrack sets took more CPU and time)
        int fetchers = options.onlyLocal() ? 0 : threads;
        try (IndexPackageSource source = new IndexPackageSource(client, resolveTarget, pre, fetchers).buildingSdistsWith(builder)) {
            List<String> projectNotes = new ArrayList<>();
            read.project().ifPresent(project -> {
                Path wheel = projectWheel(project, builder);
                source.withLocalWheel(project.name(), wheel);
                projectNotes.add(wheel.getFileName() + " (--with-project) is only in this machine's cache: the lock needs "
                        + "--find-links " + wheel.getParent() + " to be built later, or build the pyproject.toml with "
                        + "--with-project again");
            });
            if (nativeSdistMetadata) {
                source.readingNativeSdistMetadata();
            }
            List<Requirement> required = requirements.stream().map(RequirementsFileEntry::requirement).toList();
            source.requireKnown(required.stream().map(Requirement::normalizedName).toList());
            source.prefetch(required);
            Resolution resolution = new Resolver(source, resolveTarget, pre, () -> alternatives(target))
                    .resolve(required, constraints);
            List<LockedPackage> locked = new ArrayList<>();
            for (PinnedPackage chosen : resolution.packages()) {
                PinnedPackage pin = withSha256(chosen, client);
                List<String> hashes = hashes(pin, source, resolveTarget, client, requirements);
                locked.add(new LockedPackage(pin, hashes, wheels(pin, hashes, source)));
            }
            List<String> warnings = new ArrayList<>(client.warnings());
            if (builder != null) {
                warnings.addAll(builder.notes());
            }
            return new Lock(target, resolveTarget, locked, client.stats(), warnings, false, projectNotes);
        }
    }

    /** The wheel {@code --with-project} installs, built from the project's folder (refused without a local Python). */
    private static Path projectWheel(LocalProject project, SdistBuilder builder) {
        if (builder == null) {
            throw new dev.layerfit.python.sdist.SdistBuildException(dev.layerfit.python.sdist.SdistBuildException.Cause.NO_PYTHON,
                    "--with-project builds " + project.name() + " from "
                    + project.directory() + " as a wheel, which needs a local Python 3.11 or newer, and this machine has no "
                    + "python3 (LAYERFIT_PYTHON names another); install one, or leave --with-project out");
        }
        return builder.buildProject(project.directory(), project.name());
    }

    /** The target as lock readers evaluate it (markers, Python version, a name for messages). */
    public static LockTarget lockTarget(PythonTarget target, ResolveTarget resolveTarget) {
        return new LockTarget(resolveTarget.markers(), resolveTarget.pythonFullVersion(), target.describe());
    }

    /**
     * The configured index options: pip's configuration, then uv's ({@link UvConfiguration}, its project found from
     * {@code projectDir}) over it.
     */
    public static IndexOptions configuredOptions(PipConfiguration pip, Path projectDir) throws IOException {
        return UvConfiguration.load(projectDir).applyTo(pip.indexOptions());
    }

    /** Every managed runtime on every architecture but the target itself: where else a wheel might fit. */
    static List<AlternativeTarget> alternatives(PythonTarget target) {
        List<AlternativeTarget> out = new ArrayList<>();
        for (PythonRuntime runtime : PythonRuntime.MANAGED) {
            for (Architecture arch : Architecture.values()) {
                if (!runtime.equals(target.runtime()) || arch != target.arch()) {
                    out.add(new AlternativeTarget(runtime.name(), arch.lambdaName(), ResolveTarget.of(runtime.pythonFullVersion(),
                            arch.wheelMachine(), runtime.glibcMajor(), runtime.glibcMinor())));
                }
            }
        }
        return out;
    }

    private static RequirementsFile read(Path file, String what) {
        try {
            return RequirementsFile.read(file);
        } catch (NoSuchFileException e) {
            throw new RequirementsUnreadableException("the " + what + " " + file + " does not exist; give the path of a pip "
                    + "requirements file", e);
        } catch (IOException e) {
            throw new RequirementsUnreadableException("the " + what + " " + file + " could not be read (" + dev.layerfit.error.ExceptionWords.describe(e)
                    + "); check its permissions", e);
        }
    }

    /**
     * The sha256 of every wheel of the pinned version that the target can install (tag and Requires-Python match,
     * not yanked), restricted to the requirement lines' {@code --hash} values when there are any. A file the index
     * gives no hash for is hashed here when it is local; a remote one only when it is the chosen wheel (downloaded).
     */
    private static List<String> hashes(PinnedPackage pin, IndexPackageSource source, ResolveTarget target,
                                       IndexClient client, List<RequirementsFileEntry> requirements) {
        TreeSet<String> all = new TreeSet<>();
        all.add(pin.sha256());
        for (DistributionFile f : source.files(pin.name(), pin.version())) {
            boolean installable = !f.yanked() && f.wheel().isPresent() && target.tags().priority(f.wheel().get()).isPresent()
                    && (f.requiresPython() == null || IndexPackageSource.requiresPythonAllows(f.requiresPython(), target));
            if (installable && f.sha256() != null) {
                all.add(f.sha256().toLowerCase(Locale.ROOT));
            } else if (installable && f.url().startsWith("file:")) {
                all.add(sha256Of(Path.of(URI.create(f.url()))));
            }
        }
        TreeSet<String> given = new TreeSet<>();
        for (RequirementsFileEntry e : requirements) {
            if (e.requirement().normalizedName().equals(pin.name())) {
                e.sha256Hashes().forEach(h -> given.add(h.toLowerCase(Locale.ROOT)));
            }
        }
        if (given.isEmpty()) {
            return List.copyOf(all);
        }
        all.retainAll(given);
        if (all.isEmpty()) {
            throw new HashMismatchException(pin.filename(), String.join(" or ", given), pin.sha256());
        }
        return List.copyOf(all);
    }

    /** The wheels of the pinned version whose sha256 the lock accepts, with their URLs (the chosen one first known). */
    private static List<LockedWheel> wheels(PinnedPackage pin, List<String> hashes, IndexPackageSource source) {
        java.util.TreeMap<String, LockedWheel> byName = new java.util.TreeMap<>();
        byName.put(pin.filename(), new LockedWheel(pin.filename(), pin.url(), pin.sha256(), null));
        for (DistributionFile f : source.files(pin.name(), pin.version())) {
            if (f.wheel().isEmpty() || byName.containsKey(f.filename())) {
                continue;
            }
            String sha = f.sha256() != null ? f.sha256().toLowerCase(Locale.ROOT)
                    : f.url().startsWith("file:") ? sha256Of(Path.of(URI.create(f.url()))) : null;
            if (sha != null && hashes.contains(sha)) {
                byName.putIfAbsent(f.filename(), new LockedWheel(f.filename(), f.url(), sha, null));
            }
        }
        return List.copyOf(byName.values());
    }

    /** The pin with its wheel's sha256, computed from the (downloaded) file when the index gave none. */
    private static PinnedPackage withSha256(PinnedPackage pin, IndexClient client) {
        if (pin.sha256() != null) {
            return new PinnedPackage(pin.name(), pin.version(), pin.filename(), pin.url(), pin.sha256().toLowerCase(Locale.ROOT));
        }
        Path local;
        if (pin.url().startsWith("file:")) {
            local = Path.of(URI.create(pin.url()));
        } else {
            IndexFile file = client.files(pin.name()).stream().filter(f -> f.url().toString().equals(pin.url())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(pin.url() + " is no longer listed"));
            local = client.download(file);
        }
        return new PinnedPackage(pin.name(), pin.version(), pin.filename(), pin.url(), sha256Of(local));
    }

    /** The hex sha256 of a local file. */
    public static String sha256Of(Path local) {
        try (InputStream in = Files.newInputStream(local)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + local, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
