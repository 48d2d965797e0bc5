package dev.layerfit.project.chalice;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A PEP 503 index on disk of small hand-made wheels with any tags (and sdists), for Chalice's algorithm. */
final class WheelShelf {

    private final Path root;

    WheelShelf(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Writes {@code name-version-tags.whl} holding {@code files} (path to content) plus METADATA and WHEEL (no RECORD
     * rewriting games: what is written is what Chalice unzips).
     */
    Path wheel(String name, String version, String tags, Map<String, String> files) throws Exception {
        String dist = name.replace('-', '_');
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put(dist + "-" + version + ".dist-info/METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        all.put(dist + "-" + version + ".dist-info/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\n");
        all.put(dist + "-" + version + ".dist-info/RECORD", "");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path dir = Files.createDirectories(root.resolve(name));
        Path wheel = dir.resolve(dist + "-" + version + "-" + tags + ".whl");
        Files.write(wheel, bytes.toByteArray());
        page(name);
        return wheel;
    }

    /** Lists an sdist (its bytes are never read by layerfit). */
    void sdist(String name, String version) throws Exception {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve(name + "-" + version + ".tar.gz"), "not really a tarball");
        page(name);
    }

    void page(String name) throws Exception {
        Path dir = root.resolve(name);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().equals("index.html")).sorted().toList()) {
                String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f)));
                html.append("<a href=\"").append(f.getFileName()).append("#sha256=").append(sha).append("\">")
                        .append(f.getFileName()).append("</a>\n");
            }
        }
        html.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), html.toString());
    }
}
