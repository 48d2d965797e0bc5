package dev.layerfit.aws;

import dev.layerfit.LocalIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Real layer zips for tests: small ones written here, and big ones re-zipped from real wheels under {@code python/}. */
final class LayerZips {

    private LayerZips() {
    }

    /** A small layer zip with a few files; {@code marker} makes its content (and sha256) distinct. */
    static Path small(Path dir, String marker) throws IOException {
        Path zip = dir.resolve("layer-" + marker + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            put(out, "python/", new byte[0]);
            put(out, "python/mylib/__init__.py", ("VERSION = '" + marker + "'\n").getBytes());
            put(out, "python/mylib/core.py", "def f():\n    return 42\n".repeat(50).getBytes());
        }
        return zip;
    }

    private static void put(ZipOutputStream out, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(315532800000L);
        out.putNextEntry(e);
        out.write(data);
        out.closeEntry();
    }

    /** The files of real wheels (numpy, grpcio) under {@code python/}: a layer of tens of MB. Skips without the index. */
    static Path fromRealWheels(Path dir) throws IOException {
        LocalIndex index = LocalIndex.require();
        List<Path> wheels = List.of(index.wheel("numpy", "numpy-1.26.4-cp311"), index.wheel("grpcio", "grpcio-1.84.0-cp311"));
        Path zip = dir.resolve("numpy-grpcio-layer.zip");
        byte[] buf = new byte[1 << 16];
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setLevel(Deflater.BEST_SPEED);
            for (Path wheel : wheels) {
                try (ZipFile in = new ZipFile(wheel.toFile())) {
                    for (Enumeration<? extends ZipEntry> en = in.entries(); en.hasMoreElements(); ) {
                        ZipEntry e = en.nextElement();
                        ZipEntry copy = new ZipEntry("python/" + e.getName());
                        copy.setTime(315532800000L);
                        out.putNextEntry(copy);
                        try (InputStream data = in.getInputStream(e)) {
                            for (int n; (n = data.read(buf)) > 0; ) {
                                out.write(buf, 0, n);
                            }
                        }
                        out.closeEntry();
                    }
                }
            }
        }
        return zip;
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
