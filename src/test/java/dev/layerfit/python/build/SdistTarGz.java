package dev.layerfit.python.build;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/** Writes a small hand-made sdist: {@code name-version/} with the given files, as a ustar {@code .tar.gz}. */
public final class SdistTarGz {

    private SdistTarGz() {
    }

    public static Path write(Path dir, String name, String version, Map<String, String> files) throws IOException {
        Path out = dir.resolve(name + "-" + version + ".tar.gz");
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : new TreeMap<>(files).entrySet()) {
            byte[] data = f.getValue().getBytes(StandardCharsets.UTF_8);
            tar.write(header(name + "-" + version + "/" + f.getKey(), data.length));
            tar.write(data);
            tar.write(new byte[(512 - data.length % 512) % 512]);
        }
        tar.write(new byte[1024]);
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(out))) {
            o.write(tar.toByteArray());
        }
        return out;
    }

    private static byte[] header(String path, int size) {
        byte[] h = new byte[512];
        put(h, 0, path);
        put(h, 100, "0000644");
        put(h, 108, "0000000");
        put(h, 116, "0000000");
        put(h, 124, String.format("%011o", size));
        put(h, 136, String.format("%011o", 315532800L));
        h[156] = '0';
        put(h, 257, "ustar");
        h[262] = 0;
        put(h, 263, "00");
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        h[155] = ' ';
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
