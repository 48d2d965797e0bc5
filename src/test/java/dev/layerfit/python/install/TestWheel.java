package dev.layerfit.python.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small wheels for tests: files with a correct RECORD, plus ways to break it. */
final class TestWheel {

    private final String distInfo;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, String> recordOverrides = new LinkedHashMap<>();
    private final Map<String, byte[]> unrecorded = new LinkedHashMap<>();

    TestWheel(String name, String version) {
        this.distInfo = name + "-" + version + ".dist-info";
        file(distInfo + "/METADATA", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n");
        file(distInfo + "/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
    }

    TestWheel file(String path, String content) {
        files.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Lists {@code path} in RECORD with this row text (hash,size) instead of the true one. */
    TestWheel recordAs(String path, String hashAndSize) {
        recordOverrides.put(path, hashAndSize);
        return this;
    }

    /** A zip entry that RECORD does not list (a raw name, e.g. "../evil.py"). */
    TestWheel unrecorded(String name, String content) {
        unrecorded.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    String distInfo() {
        return distInfo;
    }

    Path writeTo(Path dir, String fileName) throws IOException {
        StringBuilder record = new StringBuilder();
        files.forEach((path, bytes) -> record.append(path).append(',')
                .append(recordOverrides.getOrDefault(path, "sha256=" + hash(bytes) + "," + bytes.length)).append('\n'));
        record.append(distInfo).append("/RECORD,,\n");
        Path wheel = dir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
            for (Map.Entry<String, byte[]> e : unrecorded.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
            zip.putNextEntry(new ZipEntry(distInfo + "/RECORD"));
            zip.write(record.toString().getBytes(StandardCharsets.UTF_8));
        }
        return wheel;
    }

    static String hash(byte[] bytes) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
