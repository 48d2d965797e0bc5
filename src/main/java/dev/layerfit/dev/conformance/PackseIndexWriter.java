package dev.layerfit.dev.conformance;

import dev.layerfit.python.pep508.ProjectName;
import dev.layerfit.python.pep508.Requirement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Turns a packse scenario into a PEP 503 simple index folder of real files: one tiny wheel per wheel tag
 * (a zip holding {@code .dist-info/METADATA}, {@code WHEEL} and {@code RECORD} per PEP 427 / core metadata 2.1),
 * an empty {@code .tar.gz} sdist when the scenario has one, and {@code <project>/index.html} with
 * {@code data-requires-python} and {@code data-yanked} (PEP 503, PEP 592).
 */
final class PackseIndexWriter {

    private PackseIndexWriter() {
    }

    static void write(PackseScenario scenario, Path index) throws IOException {
        for (Map.Entry<String, Map<String, PackseScenario.Release>> pkg : scenario.packages().entrySet()) {
            String project = ProjectName.canonicalize(pkg.getKey());
            Path dir = Files.createDirectories(index.resolve(project));
            StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html><body>\n");
            for (Map.Entry<String, PackseScenario.Release> v : pkg.getValue().entrySet()) {
                PackseScenario.Release r = v.getValue();
                String dist = project.replace('-', '_');
                List<String> files = new ArrayList<>();
                if (r.wheel()) {
                    for (String tag : r.wheelTags().isEmpty() ? List.of("py3-none-any") : r.wheelTags()) {
                        String name = dist + "-" + v.getKey() + "-" + tag + ".whl";
                        Files.write(dir.resolve(name), wheel(pkg.getKey(), dist, v.getKey(), tag, r));
                        files.add(name);
                    }
                }
                if (r.sdist()) {
                    String name = dist + "-" + v.getKey() + ".tar.gz";
                    Files.write(dir.resolve(name), emptyTarGz());
                    // the sdist's static core metadata (PEP 643: Metadata-Version 2.2, nothing dynamic), read as a
                    // built sdist's metadata would be, without a build: packse sdists hold no sources
                    Files.writeString(dir.resolve(name + ".metadata"), metadata(pkg.getKey(), v.getKey(), r, "2.2"));
                    files.add(name);
                }
                for (String name : files) {
                    html.append("<a href=\"").append(name).append("#sha256=").append(sha256(dir.resolve(name)))
                            .append('"');
                    if (r.requiresPython() != null) {
                        html.append(" data-requires-python=\"").append(escape(r.requiresPython())).append('"');
                    }
                    if (r.yanked()) {
                        html.append(" data-yanked=\"\"");
                    }
                    html.append('>').append(name).append("</a><br/>\n");
                }
            }
            html.append("</body></html>\n");
            Files.writeString(dir.resolve("index.html"), html, StandardCharsets.UTF_8);
        }
    }

    private static byte[] wheel(String name, String dist, String version, String tag, PackseScenario.Release r)
            throws IOException {
        String metadata = metadata(name, version, r, "2.1");
        String info = dist + "-" + version + ".dist-info/";
        String wheelFile = "Wheel-Version: 1.0\nGenerator: layerfit-packse\nRoot-Is-Purelib: true\nTag: " + tag + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder record = new StringBuilder();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String[] entry : List.of(new String[] {info + "METADATA", metadata},
                    new String[] {info + "WHEEL", wheelFile})) {
                byte[] data = entry[1].getBytes(StandardCharsets.UTF_8);
                put(zip, entry[0], data);
                record.append(entry[0]).append(",sha256=").append(Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(digest(data))).append(',').append(data.length).append('\n');
            }
            record.append(info).append("RECORD,,\n");
            put(zip, info + "RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static String metadata(String name, String version, PackseScenario.Release r, String metadataVersion) {
        StringBuilder metadata = new StringBuilder("Metadata-Version: " + metadataVersion + "\nName: " + name + "\nVersion: "
                + version + "\n");
        if (r.requiresPython() != null) {
            metadata.append("Requires-Python: ").append(r.requiresPython()).append('\n');
        }
        for (String req : r.requires()) {
            metadata.append("Requires-Dist: ").append(req).append('\n');
        }
        for (Map.Entry<String, List<String>> extra : r.extras().entrySet()) {
            metadata.append("Provides-Extra: ").append(extra.getKey()).append('\n');
            for (String req : extra.getValue()) {
                Requirement parsed = Requirement.parse(req);
                String bare = req.contains(";") ? req.substring(0, req.indexOf(';')).trim() : req.trim();
                String marker = "extra == \"" + extra.getKey() + "\"";
                if (parsed.marker().isPresent()) {
                    marker = "(" + parsed.marker().get() + ") and " + marker;
                }
                metadata.append("Requires-Dist: ").append(bare).append("; ").append(marker).append('\n');
            }
        }
        return metadata.toString();
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L);
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

    /** A valid, empty tar archive (two zero blocks), gzipped: an sdist that is listed but never built. */
    private static byte[] emptyTarGz() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static String sha256(Path file) throws IOException {
        return HexFormat.of().formatHex(digest(Files.readAllBytes(file)));
    }

    private static byte[] digest(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
