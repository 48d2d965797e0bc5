package dev.layerfit;

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
public final class LayerZip implements AutoCloseable {

    private final ZipOutputStream out;
    private final Set<String> written = new HashSet<>();
    private long bytes;

    public LayerZip(Path zip) throws IOException {
        OutputStream file = Files.newOutputStream(zip);
        this.out = new ZipOutputStream(file);
        out.setLevel(Deflater.BEST_SPEED);
    }

    public LayerZip addWheel(Path wheel, String prefix) {
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

    public LayerZip add(String name, byte[] content) throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new ZipEntry(name));
            out.write(content);
            out.closeEntry();
            bytes += content.length;
        }
        return this;
    }

    /**
     * Adds an installed distribution under {@code prefix} (e.g. {@code python/}): each file of {@code files}
     * (path relative to the site root → size in bytes, filled with 'x') plus its {@code dist-info} with a
     * RECORD listing every file, as an installer writes it.
     */
    public LayerZip addDistribution(String prefix, String name, String version, java.util.Map<String, Long> files)
            throws IOException {
        String distInfo = name.replace('-', '_') + "-" + version + ".dist-info/";
        StringBuilder record = new StringBuilder();
        for (var f : files.entrySet()) {
            addFiller(prefix + f.getKey(), f.getValue());
            record.append(f.getKey()).append(",,").append(f.getValue()).append('\n');
        }
        byte[] metadata = ("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        add(prefix + distInfo + "METADATA", metadata);
        record.append(distInfo).append("METADATA,,").append(metadata.length).append('\n');
        record.append(distInfo).append("RECORD,,\n");
        add(prefix + distInfo + "RECORD", record.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return this;
    }

    /** Adds a file of {@code size} bytes of 'x', streamed (sizes of hundreds of MB cost little memory). */
    public LayerZip addFiller(String name, long size) throws IOException {
        if (written.add(name)) {
            out.putNextEntry(new ZipEntry(name));
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (long left = size; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.closeEntry();
            bytes += size;
        }
        return this;
    }

    /** The total size of the entries written so far. */
    public long bytes() {
        return bytes;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
