package dev.layerfit.python.requirements;

import dev.layerfit.error.BadInputException;
import dev.layerfit.io.TomlTable;
import dev.layerfit.python.pep440.InvalidVersionException;
import dev.layerfit.python.pep440.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code poetry.lock} (Poetry's format, {@code [metadata] lock-version} 1.1 to 2.1; fields as Poetry's
 * {@code poetry/packages/locker.py} writes them: {@code [[package]]} with {@code name}, {@code version},
 * {@code optional}, {@code groups} and {@code markers} (2.1), {@code files = [{file, hash}]}; {@code [extras]};
 * {@code [metadata] python-versions} in Poetry's constraint syntax).
 *
 * <p>Packages for a target: in a 2.1 lock, those in the {@code main} group or a {@code --group}, whose
 * {@code markers} (one string, or one per group) hold; in older locks, which record no markers per package, every
 * package that is not optional. Optional packages come in through {@code --extra} ({@code [extras]} names them).
 * Poetry locks name files without URLs: each wheel is found in the index by its name and hash.
 */
final class PoetryLockReader {

    private PoetryLockReader() {
    }

    static LockedSet read(String text, String label, LockTarget target, List<String> extras, List<String> groups) {
        TomlTable doc = TomlTable.parse(text, label);
        TomlTable metadata = doc.table("metadata").orElseThrow(() -> new BadInputException(label
                + " has no [metadata] table, so it is not a poetry.lock layerfit can read; re-create it with poetry lock"));
        String lockVersion = metadata.string("lock-version").orElse("");
        if (!lockVersion.matches("[12]\\.\\d+")) {
            throw new BadInputException(label + " is a poetry.lock of lock-version \"" + lockVersion + "\"; layerfit reads 1.1 "
                    + "to 2.x (Poetry 1.1 and later), so re-create it with such a Poetry");
        }
        String python = metadata.string("python-versions").orElse(null);
        if (python != null) {
            List<String> alternatives = PoetryConstraint.alternatives(python, label);
            if (alternatives.stream().noneMatch(spec -> LockReading.allows(spec, target, label))) {
                throw new BadInputException(label + " is locked for Python " + python + " ([metadata] python-versions), and "
                        + target.description() + " runs Python " + target.python() + "; re-lock for this runtime or pick a "
                        + "runtime the lock supports");
            }
        }
        Set<String> selectedGroups = new LinkedHashSet<>();
        selectedGroups.add("main");
        groups.forEach(g -> selectedGroups.add(LockReading.normalise(g)));
        Set<String> fromExtras = new TreeSet<>();
        TomlTable extrasTable = doc.table("extras").orElse(null);
        for (String extra : extras) {
            List<String> names = null;
            if (extrasTable != null) {
                for (String k : extrasTable.asMap().keySet()) {
                    if (LockReading.normalise(k).equals(LockReading.normalise(extra))) {
                        names = extrasTable.strings(k);
                    }
                }
            }
            if (names == null) {
                throw new BadInputException(label + " has no extra \"" + extra + "\" in [extras]; check --extra");
            }
            names.forEach(n -> fromExtras.add(LockReading.normalise(n.split("[\\s\\[;(<>=!~]")[0])));
        }
        List<LockedEntry> out = new ArrayList<>();
        for (TomlTable p : doc.tables("package")) {
            String name = LockReading.normalise(p.requiredString("name"));
            String where = label + ": package \"" + name + "\"";
            boolean optional = p.bool("optional").orElse(false);
            if (optional && !fromExtras.contains(name)) {
                continue;
            }
            List<String> pkgGroups = p.strings("groups").stream().map(LockReading::normalise).toList();
            if (!pkgGroups.isEmpty() && pkgGroups.stream().noneMatch(selectedGroups::contains)) {
                continue;
            }
            if (!markersHold(p, where, target, selectedGroups, extras, groups)) {
                continue;
            }
            TomlTable source = p.table("source").orElse(null);
            String type = source == null ? null : source.string("type").orElse(null);
            if (type != null && !type.equals("legacy")) {
                throw new BadInputException(where + " comes from a " + type + " source, not an index; layerfit installs "
                        + "wheels from indexes only, so depend on a released version instead");
            }
            out.add(entry(p, name, where));
        }
        out.sort(Comparator.comparing(LockedEntry::name));
        return new LockedSet(InputFormat.POETRY_LOCK, label, out);
    }

    /** Poetry 2.1: {@code markers = "..."}, or {@code markers = {main = "...", dev = "..."}} per group. */
    private static boolean markersHold(TomlTable p, String where, LockTarget target, Set<String> selectedGroups,
                                       List<String> extras, List<String> groups) {
        Object markers = p.get("markers");
        if (markers == null) {
            return true;
        }
        if (markers instanceof String s) {
            return target.holds(LockReading.marker(s, where), extras, groups);
        }
        if (markers instanceof Map<?, ?> byGroup) {
            for (Map.Entry<?, ?> e : byGroup.entrySet()) {
                if (selectedGroups.contains(LockReading.normalise(String.valueOf(e.getKey())))
                        && target.holds(LockReading.marker(String.valueOf(e.getValue()), where), extras, groups)) {
                    return true;
                }
            }
            return false;
        }
        throw p.wrongType("markers", "a string or a table of strings");
    }

    private static LockedEntry entry(TomlTable p, String name, String where) {
        Version version;
        try {
            version = Version.parse(p.requiredString("version"));
        } catch (InvalidVersionException e) {
            throw new BadInputException(where + " has a version that is not a PEP 440 version; re-create the lock", e);
        }
        List<LockedWheel> wheels = new ArrayList<>();
        TreeSet<String> hashes = new TreeSet<>();
        boolean sdist = false;
        List<TomlTable> files = p.tables("files");
        if (files.isEmpty()) {
            throw new BadInputException(where + " lists no files with hashes (files = [...]); re-create the lock with a Poetry "
                    + "that records them");
        }
        for (TomlTable f : files) {
            String file = f.requiredString("file");
            String sha = LockReading.sha256(f.string("hash").orElse(null), where);
            if (sha == null) {
                throw LockReading.missingHash(where, file);
            }
            if (LockReading.isWheel(file)) {
                wheels.add(new LockedWheel(file, null, sha, null));
                hashes.add(sha);
            } else {
                sdist = true;
            }
        }
        return new LockedEntry(name, version, wheels, List.copyOf(hashes), false, sdist, where);
    }
}
