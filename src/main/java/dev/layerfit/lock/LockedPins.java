package dev.layerfit.lock;

import dev.layerfit.python.index.IndexClient;
import dev.layerfit.python.index.IndexFile;
import dev.layerfit.python.requirements.LockedEntry;
import dev.layerfit.python.requirements.LockedSet;
import dev.layerfit.python.requirements.LockedWheel;
import dev.layerfit.python.resolve.PinnedPackage;
import dev.layerfit.python.resolve.ResolveTarget;
import dev.layerfit.python.tags.InvalidWheelFilenameException;
import dev.layerfit.python.tags.WheelFilename;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;

/**
 * A lock taken as it is: each package's wheel for the target is the listed one with the best tag priority (as pip
 * picks among a version's wheels), fetched from the lock's URL; a lock that names files without URLs (Poetry) or
 * only hashes (a hashed requirements file, Pipfile.lock) has its wheel found in the index by name and hash. Every
 * package with no wheel for the target is named at once, with the wheels the lock does list for it.
 */
final class LockedPins {

    private LockedPins() {
    }

    static List<LockedPackage> pin(LockedSet lock, ResolveTarget target, String targetName, IndexClient client) {
        List<LockedPackage> out = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        for (LockedEntry e : lock.packages()) {
            Optional<LockedPackage> pinned = e.hashesOnly() ? byHash(e, target, client) : listed(e, target, client);
            if (pinned.isPresent()) {
                out.add(pinned.get());
            } else {
                blockers.add(describe(e));
            }
        }
        if (!blockers.isEmpty()) {
            throw new LockNotInstallableException(lock.label() + " cannot be installed on " + targetName + ": "
                    + String.join("; ", blockers) + "; re-lock for this runtime and architecture, or pick a target these wheels fit");
        }
        out.sort((a, b) -> a.pin().name().compareTo(b.pin().name()));
        return out;
    }

    private static String describe(LockedEntry e) {
        String what = e.name() + " " + e.version();
        if (e.hashesOnly()) {
            return "no wheel of " + e.name() + "==" + e.version() + " in the index has one of the lock's hashes (" + e.location()
                    + "; re-create the lock with layerfit resolve)";
        }
        if (e.wheels().isEmpty()) {
            return what + (e.sdist() ? " is locked as a source distribution only" : " is locked with no files");
        }
        return what + " has no wheel for it (the lock lists " + String.join(", ", e.wheels().stream().map(LockedWheel::filename)
                .toList()) + (e.sdist() ? " and a source distribution" : "") + ")";
    }

    private static OptionalInt priority(String filename, ResolveTarget target) {
        try {
            return target.tags().priority(WheelFilename.parse(filename));
        } catch (InvalidWheelFilenameException e) {
            return OptionalInt.empty();
        }
    }

    private static Optional<LockedPackage> listed(LockedEntry e, ResolveTarget target, IndexClient client) {
        LockedWheel best = null;
        int bestPriority = Integer.MAX_VALUE;
        TreeSet<String> hashes = new TreeSet<>();
        List<LockedWheel> fitting = new ArrayList<>();
        for (LockedWheel w : e.wheels()) {
            OptionalInt p = priority(w.filename(), target);
            if (p.isEmpty()) {
                continue;
            }
            hashes.add(w.sha256());
            if (w.url() != null) {
                fitting.add(w);
            }
            if (p.getAsInt() < bestPriority) {
                best = w;
                bestPriority = p.getAsInt();
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        String url = best.url();
        if (url == null) {
            LockedWheel wanted = best;
            IndexFile found = client.files(e.name()).stream().filter(f -> f.filename().equals(wanted.filename())
                    && (f.sha256() == null || f.sha256().equalsIgnoreCase(wanted.sha256()))).findFirst()
                    .orElseThrow(() -> new LockedFileNotFoundException(e.location() + ": " + wanted.filename() + " with the lock's "
                            + "hash is not in the index; point --index-url at the index the lock was made from"));
            url = found.url().toString();
        }
        PinnedPackage pin = new PinnedPackage(e.name(), e.version(), best.filename(), url, best.sha256());
        if (best.url() == null) {
            fitting.add(new LockedWheel(best.filename(), url, best.sha256(), best.size()));
        }
        fitting.sort((a, b) -> a.filename().compareTo(b.filename()));
        return Optional.of(new LockedPackage(pin, List.copyOf(hashes), fitting));
    }

    /** The index's wheel of the pinned version with one of the lock's hashes and the best tag priority. */
    private static Optional<LockedPackage> byHash(LockedEntry e, ResolveTarget target, IndexClient client) {
        IndexFile best = null;
        IndexFile sdist = null;
        int bestPriority = Integer.MAX_VALUE;
        for (IndexFile f : client.files(e.name())) {
            if (!f.isWheel() && DistributionFilenames.version(f.filename()).filter(e.version()::equals).isPresent()) {
                String sha = f.sha256() != null ? f.sha256()
                        : "file".equals(f.url().getScheme()) ? Locker.sha256Of(java.nio.file.Path.of(f.url())) : null;
                if (sha != null && e.hashes().contains(sha.toLowerCase(Locale.ROOT))) {
                    sdist = new IndexFile(f.filename(), f.url(), sha.toLowerCase(Locale.ROOT), f.requiresPython(), f.yanked(),
                            f.yankedReason(), false, null, f.source());
                }
            }
            Optional<WheelFilename> wheel = f.wheelFilename();
            if (wheel.isEmpty() || !wheel.get().version().equals(e.version())) {
                continue;
            }
            if (f.sha256() == null && "file".equals(f.url().getScheme())) {
                // a local find-links wheel has no hash on a page: hash the file, as pip does for --require-hashes
                f = new IndexFile(f.filename(), f.url(), Locker.sha256Of(java.nio.file.Path.of(f.url())), f.requiresPython(),
                        f.yanked(), f.yankedReason(), f.metadataAvailable(), f.metadataSha256(), f.source());
            }
            if (f.sha256() == null || !e.hashes().contains(f.sha256().toLowerCase(Locale.ROOT))) {
                continue;
            }
            OptionalInt priority = target.tags().priority(wheel.get());
            if (priority.isPresent() && priority.getAsInt() < bestPriority) {
                best = f;
                bestPriority = priority.getAsInt();
            }
        }
        if (best == null && sdist != null) {
            best = sdist; // a pure-Python sdist, built into a wheel when the layer is built
        }
        if (best == null) {
            return Optional.empty();
        }
        PinnedPackage pin = new PinnedPackage(e.name(), e.version(), best.filename(), best.url().toString(),
                best.sha256().toLowerCase(Locale.ROOT));
        return Optional.of(new LockedPackage(pin, e.hashes()));
    }
}
