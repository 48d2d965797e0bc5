package dev.layerfit.lock;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A folder of small, real wheels made by the test (a find-links location), each with a METADATA of its own. */
final class WheelFolder {

    final Path dir;

    WheelFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * Writes {@code <name>-<version>-<tag>.whl} whose METADATA has the given {@code Requires-Dist} lines.
     *
     * @param tag e.g. {@code py3-none-any} or {@code cp311-cp311-manylinux_2_28_x86_64}
     */
    Path wheel(String name, String version, String tag, String... requiresDist) throws IOException {
        String distInfo = name.replace('-', '_') + "-" + version + ".dist-info/";
        StringBuilder metadata = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        for (String r : requiresDist) {
            metadata.append("Requires-Dist: ").append(r).append('\n');
        }
        Path wheel = dir.resolve(name.replace('-', '_') + "-" + version + "-" + tag + ".whl");
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            put(zip, name.replace('-', '_') + "/__init__.py", "VERSION = '" + version + "'\n");
            put(zip, distInfo + "METADATA", metadata.toString());
            put(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nRoot-Is-Purelib: true\nTag: " + tag + "\n");
            put(zip, distInfo + "RECORD", "");
        }
        return wheel;
    }

    /** Writes a file that is not a distribution (or not one whose name parses). */
    Path other(String filename) throws IOException {
        return Files.writeString(dir.resolve(filename), "not a distribution");
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(0);
        zip.putNextEntry(e);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
