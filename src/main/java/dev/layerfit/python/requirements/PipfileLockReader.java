package dev.layerfit.python.requirements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.layerfit.error.BadInputException;
import dev.layerfit.python.pep440.InvalidVersionException;
import dev.layerfit.python.pep440.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A {@code Pipfile.lock} (Pipenv's JSON format, {@code _meta.pipfile-spec} 6, as pipenv's {@code pipenv/utils/locking.py}
 * writes it: {@code _meta.requires.python_version}, and sections {@code default} and {@code develop} mapping each
 * package to {@code {"version": "==X", "hashes": ["sha256:..."], "markers": "..."}}).
 *
 * <p>The {@code default} section is installed; {@code --group develop} (or {@code dev}) adds {@code develop}, as
 * {@code pipenv install --dev} does. A Pipfile.lock lists hashes, not files: each wheel is found in the index by hash.
 */
final class PipfileLockReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PipfileLockReader() {
    }

    static LockedSet read(String text, String label, LockTarget target, List<String> groups) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadInputException(label + " is not valid JSON (" + e.getOriginalMessage() + "); fix the file or re-create "
                    + "it with pipenv lock", e);
        }
        JsonNode spec = root.path("_meta").path("pipfile-spec");
        if (!spec.isInt() || spec.asInt() != 6) {
            throw new BadInputException(label + " has pipfile-spec " + (spec.isMissingNode() ? "(none)" : spec.toString())
                    + "; layerfit reads pipfile-spec 6 (pipenv 2018 and later), so re-create it with pipenv lock");
        }
        JsonNode requires = root.path("_meta").path("requires");
        String full = requires.path("python_full_version").asText(null);
        String minor = requires.path("python_version").asText(null);
        String wanted = full != null ? "==" + full : minor != null ? "==" + minor + ".*" : null;
        LockReading.checkRequiresPython(wanted, target, label, "_meta.requires");
        List<String> sections = new ArrayList<>(List.of("default"));
        for (String g : groups) {
            String n = LockReading.normalise(g);
            if (n.equals("develop") || n.equals("dev")) {
                sections.add("develop");
            } else {
                throw new BadInputException(label + " has the sections default and develop only; use --group develop");
            }
        }
        List<LockedEntry> out = new ArrayList<>();
        for (String section : sections) {
            JsonNode packages = root.path(section);
            for (Iterator<Map.Entry<String, JsonNode>> it = packages.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = LockReading.normalise(e.getKey());
                String where = label + ": " + section + " \"" + e.getKey() + "\"";
                JsonNode p = e.getValue();
                String markers = p.path("markers").asText(null);
                if (markers != null && !target.holds(LockReading.marker(markers, where), List.of(), groups)) {
                    continue;
                }
                if (p.has("git") || p.has("path") || p.has("file") || p.has("editable")) {
                    throw new BadInputException(where + " is installed from a repository, a path or a URL, not an index; layerfit "
                            + "installs released wheels only, so depend on a released version instead");
                }
                String pinned = p.path("version").asText("");
                if (!pinned.startsWith("==")) {
                    throw new BadInputException(where + " has no exact version (\"version\": \"==X\"); re-create the lock");
                }
                Version version;
                try {
                    version = Version.parse(pinned.substring(2));
                } catch (InvalidVersionException ex) {
                    throw new BadInputException(where + " has version " + pinned + ", which is not a PEP 440 version", ex);
                }
                TreeSet<String> hashes = new TreeSet<>();
                for (JsonNode h : p.path("hashes")) {
                    String sha = LockReading.sha256(h.asText(), where);
                    if (sha != null) {
                        hashes.add(sha);
                    }
                }
                if (hashes.isEmpty()) {
                    throw LockReading.missingHash(where, e.getKey() + " " + pinned.substring(2));
                }
                if (out.stream().noneMatch(x -> x.name().equals(name))) {
                    out.add(new LockedEntry(name, version, List.of(), List.copyOf(hashes), true, false, where));
                }
            }
        }
        out.sort(Comparator.comparing(LockedEntry::name));
        return new LockedSet(InputFormat.PIPFILE_LOCK, label, out);
    }
}
