package dev.layerfit.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Writes a layer zip in a test from real wheels: a wheel is already the installed layout, so its entries
 * are copied under a site-root prefix (its {@code .data/} folders, which an installer would move, are
 * left out). Returns the sum of the copied entries' sizes, which must equal the inventory's total.
 */
final class LayerZip implements AutoCloseable {

    private final ZipOutputStream out;
    private final Set<String> written = new HashSet<>();
    private long bytes;

    LayerZip(Path zip) throws IOException {
        OutputStream file = Files.newOutputStream(zip);
        this.out = new ZipOutputStream(file);
        out.setLevel(Deflater.BEST_SPEED);
    }

    LayerZip addWheel(Path wheel, String prefix) {
        try (ZipFile w = new ZipFile(wheel.toFile())) {
            Enumeration<? extends ZipEntry> all = w.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String first = e.getName().substring(0, Math.max(0, e.getName().indexOf('/')));
                if (e.isDirectory() || first.endsWith(".data")) {
                    continue;
                }
                try (InputStream in = w.getInputStream(e)) {
                    add(prefix + e.getName(), in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    LayerZip add(String name, byte[] content) throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
            bytes += content.length;
        }
        return this;
    }

    /** The total size of the entries written so far. */
    long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
