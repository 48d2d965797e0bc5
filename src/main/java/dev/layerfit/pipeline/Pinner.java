package dev.layerfit.pipeline;

import dev.layerfit.lambda.PythonTarget;
import dev.layerfit.lock.Lock;
import dev.layerfit.lock.LockRequest;
import dev.layerfit.lock.LockedPackage;
import dev.layerfit.lock.DistributionFilenames;
import dev.layerfit.lock.Locker;
import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexFile;
import dev.layerfit.python.pep440.Specifier;
import dev.layerfit.python.pep440.Version;
import dev.layerfit.python.pep508.Requirement;
import dev.layerfit.python.pep508.RequirementsFile;
import dev.layerfit.python.pep508.RequirementsFileEntry;
import dev.layerfit.python.resolve.PinnedPackage;
import dev.layerfit.python.resolve.ResolveTarget;
import dev.layerfit.python.tags.WheelFilename;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * Turns requirements into the exact wheels to install: a hashed lock (every line {@code name==version} with
 * {@code --hash}, no markers) is taken as is, each pinned wheel found in the index by its hash; anything else is
 * resolved with {@link Locker}.
 */
public final class Pinner {

    private Pinner() {
    }

    /** The pins for {@code files} on {@code target}. */
    public static PinnedSet pin(List<Path> files, PythonTarget target, IndexSettings index, IndexClient client) {
        Optional<List<RequirementsFileEntry>> locked = hashedLock(files);
        ResolveTarget resolveTarget = resolveTarget(target);
        if (locked.isPresent()) {
            List<LockedPackage> pins = new ArrayList<>();
            for (RequirementsFileEntry e : locked.get()) {
                pins.add(findByHash(e, resolveTarget, client));
            }
            pins.sort(Comparator.comparing(p -> p.pin().name()));
            return new PinnedSet(pins, true, client.warnings());
        }
        try {
            Lock lock = Locker.fromEnvironment(Locker.DEFAULT_THREADS).lock(new LockRequest(files, target, index.indexUrl(),
                    index.extraIndexUrls(), index.findLinks(), index.noIndex(), index.pre()));
            return new PinnedSet(lock.packages(), false, lock.warnings());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read pip's configuration", e);
        }
    }

    /** The interpreter and tags for a target. */
    public static ResolveTarget resolveTarget(PythonTarget target) {
        return ResolveTarget.of(target.runtime().pythonFullVersion(), target.arch().wheelMachine(), target.glibcMajor(),
                target.glibcMinor());
    }

    /** The entries when every file is a hashed lock ({@code name==version --hash=sha256:...} lines only). */
    static Optional<List<RequirementsFileEntry>> hashedLock(List<Path> files) {
        List<RequirementsFileEntry> all = new ArrayList<>();
        for (Path f : files) {
            RequirementsFile rf = IndexSettings.read(f);
            if (!rf.constraints().isEmpty()) {
                return Optional.empty();
            }
            all.addAll(rf.requirements());
        }
        if (all.isEmpty()) {
            return Optional.empty();
        }
        for (RequirementsFileEntry e : all) {
            if (pinnedVersion(e.requirement()).isEmpty() || e.sha256Hashes().isEmpty() || e.requirement().marker().isPresent()) {
                return Optional.empty();
            }
        }
        return Optional.of(all);
    }

    private static Optional<String> pinnedVersion(Requirement r) {
        if (r.url().isPresent() || !r.extras().isEmpty() || r.specifier().specifiers().size() != 1) {
            return Optional.empty();
        }
        Specifier s = r.specifier().specifiers().get(0);
        if (s.operator() != Specifier.Operator.EQUAL || s.version().endsWith(".*")) {
            return Optional.empty();
        }
        return Optional.of(s.version());
    }

    private static LockedPackage findByHash(RequirementsFileEntry e, ResolveTarget target, IndexClient client) {
        Requirement r = e.requirement();
        Version version = Version.parse(pinnedVersion(r).orElseThrow());
        TreeSet<String> hashes = new TreeSet<>();
        e.sha256Hashes().forEach(h -> hashes.add(h.toLowerCase(Locale.ROOT)));
        IndexFile best = null;
        IndexFile sdist = null;
        int bestPriority = Integer.MAX_VALUE;
        for (IndexFile f : client.files(r.name())) {
            if (!f.isWheel() && DistributionFilenames.version(f.filename()).filter(version::equals).isPresent()) {
                String sha = f.sha256() != null ? f.sha256()
                        : "file".equals(f.url().getScheme()) ? Locker.sha256Of(Path.of(f.url())) : null;
                if (sha != null && hashes.contains(sha.toLowerCase(Locale.ROOT))) {
                    sdist = new IndexFile(f.filename(), f.url(), sha.toLowerCase(Locale.ROOT), f.requiresPython(), f.yanked(),
                            f.yankedReason(), false, null, f.source());
                }
            }
            Optional<WheelFilename> wheel = f.wheelFilename();
            if (f.sha256() == null || wheel.isEmpty() || !wheel.get().version().equals(version)
                    || !hashes.contains(f.sha256().toLowerCase(Locale.ROOT))) {
                continue;
            }
            OptionalInt priority = target.tags().priority(wheel.get());
            if (priority.isPresent() && priority.getAsInt() < bestPriority) {
                best = f;
                bestPriority = priority.getAsInt();
            }
        }
        if (best == null && sdist != null) {
            best = sdist; // built into a pure wheel when the layer is built
        }
        if (best == null) {
            throw new LockedWheelNotFoundException(e.location() + ": no wheel of " + r.name() + "==" + version
                    + " for " + target + " in the index has one of the lock's hashes; re-create the lock with layerfit resolve");
        }
        PinnedPackage pin = new PinnedPackage(r.normalizedName(), version, best.filename(), best.url().toString(),
                best.sha256().toLowerCase(Locale.ROOT));
        return new LockedPackage(pin, List.copyOf(hashes));
    }
}
