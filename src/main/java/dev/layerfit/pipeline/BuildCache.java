package dev.layerfit.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.io.AtomicFileWriter;
import dev.layerfit.io.SafePaths;
import dev.layerfit.layer.RuleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Built layers by key: {@code <cache>/builds/<key>.zip} and, next to it, {@code <key>.json} holding the build's
 * report (sizes, slim rules, pins, notes), so a warm rebuild copies the zip and prints the same report.
 * Both files are written atomically, the report last, so a report always means a whole zip.
 */
public final class BuildCache {

    /** The cache's own file format (read back by {@link #lookup}), not layerfit's machine output. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public BuildCache(Path dir) {
        this.dir = dir;
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /** A cached build's zip path. */
    public Path zip(String key) {
        return dir.resolve(key + ".zip");
    }

    /** The stored report of a complete cached build whose zip is intact (see {@link #lookup(String, List)}). */
    public Optional<BuildResult> lookup(String key) {
        return lookup(key, new ArrayList<>());
    }

    /**
     * The stored report of a complete cached build whose zip is still there with its recorded length and sha256. A
     * damaged entry (a flipped byte, a truncated zip, a report that is not JSON) is never copied to an output: it is
     * deleted, a note saying so goes to {@code notes}, and the caller builds afresh.
     */
    public Optional<BuildResult> lookup(String key, List<String> notes) {
        Optional<BuildResult> found = read(key);
        if (found.isPresent() && !sha256Of(found.get().output()).equals(found.get().sha256())) {
            notes.add("the cached build " + found.get().output().getFileName() + " did not match its recorded sha256 "
                    + "(damaged on disk), so it was dropped and the layer rebuilt");
            drop(key);
            return Optional.empty();
        }
        if (found.isEmpty() && (Files.exists(zip(key)) || Files.exists(dir.resolve(key + ".json")))) {
            drop(key);
        }
        return found;
    }

    private void drop(String key) {
        try {
            Files.deleteIfExists(dir.resolve(key + ".json"));
            Files.deleteIfExists(zip(key));
        } catch (IOException e) {
            // the rebuild's store replaces them
        }
    }

    private static String sha256Of(Path file) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            return "";
        }
    }

    private Optional<BuildResult> read(String key) {
        if (!SafePaths.isSha256(key) && !key.matches("[0-9a-zA-Z._-]{1,200}")) {
            return Optional.empty();
        }
        Path report = dir.resolve(key + ".json");
        Path zip = zip(key);
        if (!Files.isRegularFile(report) || !Files.isRegularFile(zip)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(report.toFile());
            if (Files.size(zip) != n.path("zippedBytes").asLong(-1)) {
                return Optional.empty();
            }
            List<RuleResult> removed = new ArrayList<>();
            n.path("removed").forEach(r -> removed.add(new RuleResult(r.path("rule").asText(), r.path("bytes").asLong(),
                    r.path("files").asInt())));
            List<String> packages = new ArrayList<>();
            n.path("packages").forEach(p -> packages.add(p.asText()));
            List<String> notes = new ArrayList<>();
            n.path("notes").forEach(p -> notes.add(p.asText()));
            return Optional.of(new BuildResult(zip, n.path("sha256").asText(), n.path("unzippedBytes").asLong(),
                    n.path("zippedBytes").asLong(), n.path("entries").asInt(), removed, packages, notes, true, key, null,
                    java.util.Map.of()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Moves a finished zip into the cache and stores its report. */
    public Path store(String key, Path builtZip, BuildResult result) throws IOException {
        Files.createDirectories(dir);
        Path zip = zip(key);
        Files.move(builtZip, zip, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        ObjectNode n = JSON.createObjectNode();
        n.put("sha256", result.sha256());
        n.put("unzippedBytes", result.unzippedBytes());
        n.put("zippedBytes", result.zippedBytes());
        n.put("entries", result.entries());
        ArrayNode removed = n.putArray("removed");
        result.removed().forEach(r -> removed.addObject().put("rule", r.rule()).put("bytes", r.bytes()).put("files", r.files()));
        ArrayNode packages = n.putArray("packages");
        result.packages().forEach(packages::add);
        ArrayNode notes = n.putArray("notes");
        result.notes().forEach(notes::add);
        AtomicFileWriter.atomic().write(dir.resolve(key + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n");
        return zip;
    }
}
