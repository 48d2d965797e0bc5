package dev.layerfit.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A PEP 503 index on disk with small real wheels written by the test. */
final class FakeIndex {

    private final Path root;

    FakeIndex(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    String url() {
        return root.toUri().toString();
    }

    /** Files of a wheel: site path to content; METADATA, WHEEL and RECORD are added (RECORD right unless told). */
    static Map<String, String> files(String... pathsAndContents) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            m.put(pathsAndContents[i], pathsAndContents[i + 1]);
        }
        return m;
    }

    /** Adds a wheel {@code name-version-py3-none-any.whl}; {@code recordLies} gives one file a wrong RECORD hash. */
    Path addWheel(String name, String version, Map<String, String> files, String requiresDist, boolean recordLies)
            throws Exception {
        String distInfo = name + "-" + version + ".dist-info";
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put(distInfo + "/METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n"
                + (requiresDist == null ? "" : "Requires-Dist: " + requiresDist + "\n"));
        all.put(distInfo + "/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
        StringBuilder record = new StringBuilder();
        boolean lied = false;
        for (Map.Entry<String, String> e : all.entrySet()) {
            byte[] data = e.getValue().getBytes(StandardCharsets.UTF_8);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            if (recordLies && !lied && !e.getKey().startsWith(distInfo)) {
                digest[0] ^= 1;
                lied = true;
            }
            record.append(e.getKey()).append(",sha256=").append(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
                    .append(',').append(data.length).append('\n');
        }
        record.append(distInfo).append("/RECORD,,\n");
        all.put(distInfo + "/RECORD", record.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : all.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        Path dir = Files.createDirectories(root.resolve(name));
        Path wheel = dir.resolve(name + "-" + version + "-py3-none-any.whl");
        Files.write(wheel, bytes.toByteArray());
        writePage(name, sha256(wheel));
        return wheel;
    }

    /** Rewrites the project page listing every wheel in its folder, all with {@code sha256} for the named one. */
    void writePage(String name, String sha256OfLast) throws Exception {
        Path dir = root.resolve(name);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>\n");
        try (var files = Files.list(dir)) {
            for (Path w : files.filter(p -> p.toString().endsWith(".whl")).sorted().toList()) {
                String sha = sha256(w);
                html.append("<a href=\"").append(w.getFileName()).append("#sha256=").append(sha).append("\">")
                        .append(w.getFileName()).append("</a>\n");
            }
        }
        html.append("</body></html>\n");
        Files.writeString(dir.resolve("index.html"), html.toString());
    }

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
