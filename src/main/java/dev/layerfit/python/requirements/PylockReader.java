package dev.layerfit.python.requirements;

import dev.layerfit.error.BadInputException;
import dev.layerfit.io.TomlTable;
import dev.layerfit.python.pep440.InvalidVersionException;
import dev.layerfit.python.pep440.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A {@code pylock.toml} (PEP 751, the packaging.python.org "pylock.toml Specification"), read as its "Installation"
 * section says: {@code lock-version} 1.x, {@code requires-python} and one of {@code environments} must hold for the
 * target; {@code extras} and {@code dependency_groups} in markers are the selected extras and groups (the
 * {@code default-groups} when none is selected); a package is installed when its {@code marker} holds; its
 * {@code requires-python} must then hold too. Packages from VCS, directories and archives are refused (layerfit
 * installs wheels); a wheel's {@code url} or {@code path} (relative to the lock) and its sha256 are taken as they are.
 */
final class PylockReader {

    private PylockReader() {
    }

    static LockedSet read(String text, String label, LockTarget target, List<String> extras, List<String> groups) {
        TomlTable doc = TomlTable.parse(text, label);
        String lockVersion = doc.string("lock-version").orElseThrow(() -> new BadInputException(label
                + " has no lock-version, so it is not a pylock.toml (PEP 751); re-create the lock"));
        if (!lockVersion.matches("1(\\.\\d+)*")) {
            throw new BadInputException(label + " has lock-version \"" + lockVersion + "\"; layerfit reads lock-version 1.x "
                    + "(PEP 751), so re-create it with a tool that writes that");
        }
        List<String> selectedGroups = groups.isEmpty() ? doc.strings("default-groups") : groups;
        LockReading.checkRequiresPython(doc.string("requires-python").orElse(null), target, label, "requires-python");
        List<String> environments = doc.strings("environments");
        if (!environments.isEmpty()
                && environments.stream().noneMatch(m -> target.holds(LockReading.marker(m, label), extras, selectedGroups))) {
            throw new BadInputException(label + " is locked for " + String.join(" or ", environments) + " (environments), not "
                    + target.description() + "; re-lock for this runtime");
        }
        List<LockedEntry> out = new ArrayList<>();
        for (TomlTable p : doc.tables("packages")) {
            String name = LockReading.normalise(p.requiredString("name"));
            String where = label + ": package \"" + name + "\"";
            String marker = p.string("marker").orElse(null);
            if (marker != null && !target.holds(LockReading.marker(marker, where), extras, selectedGroups)) {
                continue;
            }
            LockReading.checkRequiresPython(p.string("requires-python").orElse(null), target, where, "requires-python");
            for (String kind : List.of("vcs", "directory", "archive")) {
                if (p.has(kind)) {
                    throw new BadInputException(where + " is locked as a " + kind + ", not as wheels; layerfit installs wheels "
                            + "only, so lock a released version");
                }
            }
            Version version;
            try {
                version = Version.parse(p.requiredString("version"));
            } catch (InvalidVersionException e) {
                throw new BadInputException(where + " has a version that is not a PEP 440 version; re-create the lock", e);
            }
            List<LockedWheel> wheels = new ArrayList<>();
            TreeSet<String> hashes = new TreeSet<>();
            for (TomlTable w : p.tables("wheels")) {
                String url = LockReading.wheelUrl(w, label);
                String filename = LockReading.wheelName(w, "name", url, where);
                if (url == null) {
                    throw new BadInputException(where + ": the wheel " + filename + " has neither url nor path (PEP 751 needs "
                            + "one); re-create the lock");
                }
                TomlTable h = w.table("hashes").orElse(null);
                String sha = h == null ? null : h.string("sha256").orElse(null);
                if (sha == null) {
                    throw LockReading.missingHash(where, filename);
                }
                sha = LockReading.sha256("sha256:" + sha, where);
                wheels.add(new LockedWheel(filename, url, sha, w.integer("size").orElse(null)));
                hashes.add(sha);
            }
            out.add(new LockedEntry(name, version, wheels, List.copyOf(hashes), false, p.table("sdist").isPresent(), where));
        }
        out.sort(Comparator.comparing(LockedEntry::name));
        return new LockedSet(InputFormat.PYLOCK, label, out);
    }
}
