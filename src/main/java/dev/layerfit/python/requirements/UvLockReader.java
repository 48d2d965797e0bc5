package dev.layerfit.python.requirements;

import dev.layerfit.error.BadInputException;
import dev.layerfit.io.TomlTable;
import dev.layerfit.python.pep440.InvalidVersionException;
import dev.layerfit.python.pep440.Version;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@code uv.lock} (uv's own format, {@code version = 1}; fields as uv's {@code crates/uv-resolver/src/lock} writes
 * them: {@code requires-python}, {@code supported-markers}, {@code [[package]]} with {@code name}, {@code version},
 * {@code source}, {@code dependencies = [{name, version?, marker?, extra?}]}, {@code [package.optional-dependencies]},
 * {@code [package.dev-dependencies]}, {@code wheels = [{url | path | filename, hash, size}]}, {@code sdist}).
 *
 * <p>A uv lock is universal: its markers sit on the dependency edges. The packages for a target are those reached
 * from the project (the package whose source is {@code virtual} or {@code editable}) along edges whose markers hold,
 * with the {@code --extra} optional dependencies and {@code --group} groups of the project, as {@code uv sync} walks
 * it.
 */
final class UvLockReader {

    private final TomlTable doc;
    private final String label;
    private final LockTarget target;

    private record Key(String name, String version) {
    }

    private UvLockReader(TomlTable doc, String label, LockTarget target) {
        this.doc = doc;
        this.label = label;
        this.target = target;
    }

    static LockedSet read(String text, String label, LockTarget target, List<String> extras, List<String> groups) {
        return new UvLockReader(TomlTable.parse(text, label), label, target).read(extras, groups);
    }

    private LockedSet read(List<String> extras, List<String> groups) {
        Long version = doc.integer("version").orElseThrow(() -> new BadInputException(label
                + " has no version = 1 line, so it is not a uv.lock layerfit can read; re-create it with uv lock"));
        if (version != 1) {
            throw new BadInputException(label + " is a uv.lock of version " + version + "; layerfit reads version 1 (uv 0.3 "
                    + "and later), so re-create it with a uv that writes version 1");
        }
        LockReading.checkRequiresPython(doc.string("requires-python").orElse(null), target, label, "requires-python");
        List<String> supported = doc.strings("supported-markers");
        if (!supported.isEmpty() && supported.stream().noneMatch(m -> target.holds(LockReading.marker(m, label), extras, groups))) {
            throw new BadInputException(label + " supports only " + String.join(" or ", supported) + " (supported-markers), not "
                    + target.description() + "; add this environment to [tool.uv] environments and re-lock");
        }
        Map<Key, TomlTable> packages = new LinkedHashMap<>();
        Map<String, List<Key>> byName = new LinkedHashMap<>();
        List<Key> roots = new ArrayList<>();
        for (TomlTable p : doc.tables("package")) {
            Key key = new Key(LockReading.normalise(p.requiredString("name")), p.string("version").orElse(""));
            packages.put(key, p);
            byName.computeIfAbsent(key.name(), k -> new ArrayList<>()).add(key);
            TomlTable source = p.table("source").orElse(null);
            if (source != null && (source.has("virtual") || source.has("editable"))) {
                roots.add(key);
            }
        }
        if (roots.isEmpty()) {
            throw new BadInputException(label + " has no project package (one whose source is virtual or editable), so there is "
                    + "nothing to start from; give the uv.lock of a project");
        }
        Set<Key> reached = new LinkedHashSet<>();
        Deque<Map.Entry<Key, List<String>>> queue = new ArrayDeque<>();
        for (Key root : roots) {
            TomlTable p = packages.get(root);
            String where = label + ": package \"" + root.name() + "\"";
            follow(p.tables("dependencies"), byName, where, queue, extras, groups);
            TomlTable optional = p.table("optional-dependencies").orElse(null);
            for (String extra : extras) {
                List<TomlTable> edges = optional == null ? List.of() : optionalEdges(optional, extra);
                if (optional == null || edges == null) {
                    throw new BadInputException(label + ": the project \"" + root.name() + "\" has no extra \"" + extra
                            + "\"; check --extra");
                }
                follow(edges, byName, where, queue, extras, groups);
            }
            TomlTable dev = p.table("dev-dependencies").orElse(null);
            for (String group : groups) {
                List<TomlTable> edges = dev == null ? null : optionalEdges(dev, group);
                if (edges == null) {
                    throw new BadInputException(label + ": the project \"" + root.name() + "\" has no dependency group \""
                            + group + "\"; check --group");
                }
                follow(edges, byName, where, queue, extras, groups);
            }
        }
        Set<String> seenExtras = new TreeSet<>();
        while (!queue.isEmpty()) {
            Map.Entry<Key, List<String>> next = queue.poll();
            Key key = next.getKey();
            TomlTable p = packages.get(key);
            String where = label + ": package \"" + key.name() + "\"";
            if (reached.add(key) && !roots.contains(key)) {
                follow(p.tables("dependencies"), byName, where, queue, extras, groups);
            }
            TomlTable optional = p.table("optional-dependencies").orElse(null);
            for (String extra : next.getValue()) {
                if (optional != null && seenExtras.add(key + "[" + extra + "]")) {
                    List<TomlTable> edges = optionalEdges(optional, extra);
                    if (edges != null) {
                        follow(edges, byName, where, queue, extras, groups);
                    }
                }
            }
        }
        List<LockedEntry> out = new ArrayList<>();
        for (Key key : reached) {
            if (!roots.contains(key)) {
                out.add(entry(key, packages.get(key)));
            }
        }
        out.sort(Comparator.comparing(LockedEntry::name));
        return new LockedSet(InputFormat.UV_LOCK, label, out);
    }

    private static List<TomlTable> optionalEdges(TomlTable table, String name) {
        String wanted = LockReading.normalise(name);
        for (String k : table.asMap().keySet()) {
            if (LockReading.normalise(k).equals(wanted)) {
                return table.tables(k);
            }
        }
        return null;
    }

    private void follow(List<TomlTable> edges, Map<String, List<Key>> byName, String where,
                        Deque<Map.Entry<Key, List<String>>> queue, List<String> extras, List<String> groups) {
        for (TomlTable edge : edges) {
            String marker = edge.string("marker").orElse(null);
            if (marker != null && !target.holds(LockReading.marker(marker, where), extras, groups)) {
                continue;
            }
            String name = LockReading.normalise(edge.requiredString("name"));
            List<Key> candidates = byName.getOrDefault(name, List.of());
            String version = edge.string("version").orElse(null);
            List<Key> matching = candidates.stream().filter(k -> version == null || k.version().equals(version)).toList();
            if (matching.size() != 1) {
                throw new BadInputException(where + " depends on \"" + name + "\"" + (version == null ? "" : " " + version)
                        + (matching.isEmpty() ? ", which the lock does not list" : ", which the lock lists in several versions "
                        + "without saying which") + "; re-create the lock with uv lock");
            }
            Object extra = edge.get("extra");
            List<String> edgeExtras = extra instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
            queue.add(Map.entry(matching.get(0), edgeExtras));
        }
    }

    private LockedEntry entry(Key key, TomlTable p) {
        String where = label + ": package \"" + key.name() + "\"";
        Version version;
        try {
            version = Version.parse(p.requiredString("version"));
        } catch (InvalidVersionException e) {
            throw new BadInputException(where + " has version \"" + key.version() + "\", which is not a PEP 440 version", e);
        }
        TomlTable source = p.table("source").orElse(null);
        if (source != null && (source.has("git") || source.has("directory") || source.has("url") && p.tables("wheels").isEmpty())) {
            throw new BadInputException(where + " comes from " + source.asMap() + ", not from an index or a wheel file; layerfit "
                    + "installs wheels only, so depend on a released version instead");
        }
        List<LockedWheel> wheels = new ArrayList<>();
        TreeSet<String> hashes = new TreeSet<>();
        for (TomlTable w : p.tables("wheels")) {
            String url = LockReading.wheelUrl(w, label);
            String filename = LockReading.wheelName(w, "filename", url, where);
            String sha = LockReading.sha256(w.string("hash").orElse(null), where);
            if (sha == null) {
                throw LockReading.missingHash(where, filename);
            }
            wheels.add(new LockedWheel(filename, url, sha, w.integer("size").orElse(null)));
            hashes.add(sha);
        }
        boolean sdist = p.table("sdist").isPresent();
        return new LockedEntry(key.name(), version, wheels, List.copyOf(hashes), false, sdist, where);
    }
}
