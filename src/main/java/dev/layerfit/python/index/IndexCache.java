package dev.layerfit.python.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * layerfit's download cache: {@code $LAYERFIT_CACHE_DIR}, else {@code ~/.cache/layerfit}.
 *
 * <pre>
 * metadata/&lt;sha256 of the wheel, or "url-" + sha256 of its URL&gt;.metadata   the core metadata headers resolution reads
 * wheels/&lt;sha256&gt;/&lt;filename&gt;                                          verified wheels
 * pages/&lt;sha256 of URL + Accept&gt;.body / .properties                       project pages with their ETag and Last-Modified
 * </pre>
 *
 * Every write goes to a temporary file in the target folder and is then moved into place, so readers never see a
 * partial file. Pages are revalidated on every first use by a client ({@code If-None-Match} / {@code If-Modified-Since});
 * a 304 answer reuses the stored body.
 */
final class IndexCache {

    private final Path root;

    IndexCache(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** The cache key of a file: its sha256, or one derived from its URL (without credentials). */
    static String fileKey(IndexFile file) {
        return file.sha256() != null ? file.sha256()
                : "url-" + sha256Hex(HttpTransport.withoutUserInfo(file.url()).toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The first line of a cached metadata file: its body's CRC-32, checked on every use. A checksum against damage
     * (a truncated or overwritten file), not against tampering: the cache is the user's own. Not SHA-256: hashing
     * in Java code before the JIT compiles it cost a warm resolve ~10% of its time; CRC-32 is zlib's, native.
     */
    private static final String CHECKSUM_PREFIX = "layerfit-crc32:";

    /** The first line earlier builds of layerfit wrote (a SHA-256): such an entry is fetched again, without a note. */
    private static final String OLD_CHECKSUM_PREFIX = "layerfit-sha256:";

    private static String crc32Hex(byte[] data, int offset, int length) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data, offset, length);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /**
     * A cached metadata file whose recorded checksum matches its body; a damaged, truncated or foreign entry is
     * deleted (so it is fetched again) rather than blamed on the distribution.
     */
    /** Damaged entries dropped in this run, one sentence each, for the command's warnings. */
    List<String> dropped() {
        return List.copyOf(dropped);
    }

    private final List<String> dropped = new java.util.concurrent.CopyOnWriteArrayList<>();

    Optional<byte[]> metadata(String key) {
        return metadata(key, key);
    }

    /** As {@link #metadata(String)}; a dropped entry is noted under {@code label} (the wheel's file name). */
    Optional<byte[]> metadata(String key, String label) {
        Path p = dev.layerfit.io.SafePaths.inside(root, "metadata", key + ".metadata");
        try {
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
            byte[] all;
            try (java.io.InputStream in = Files.newInputStream(p)) {
                all = dev.layerfit.io.BoundedStreams.readAtMost(in, dev.layerfit.io.InputFiles.TEXT_CAP,
                        () -> new UncheckedIOException(new IOException("oversized")));
            }
            int nl = indexOf(all, (byte) '\n');
            String head = nl < 0 ? "" : new String(all, 0, nl, StandardCharsets.US_ASCII);
            if (head.startsWith(CHECKSUM_PREFIX)
                    && head.substring(CHECKSUM_PREFIX.length()).equals(crc32Hex(all, nl + 1, all.length - nl - 1))) {
                return Optional.of(java.util.Arrays.copyOfRange(all, nl + 1, all.length));
            }
            if (head.startsWith(OLD_CHECKSUM_PREFIX)) {
                Files.deleteIfExists(p);
                return Optional.empty();
            }
        } catch (IOException | UncheckedIOException e) {
            // unreadable: dropped below
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // a later write replaces it anyway
        }
        dropped.add("the cached metadata of " + label + " was damaged (it did not match its recorded checksum);"
                + " it was dropped and read again from the index");
        return Optional.empty();
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    void putMetadata(String key, byte[] data) {
        byte[] head = (CHECKSUM_PREFIX + crc32Hex(data, 0, data.length) + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] all = java.util.Arrays.copyOf(head, head.length + data.length);
        System.arraycopy(data, 0, all, head.length, data.length);
        writeAtomically(dev.layerfit.io.SafePaths.inside(root, "metadata", key + ".metadata"), all);
    }

    /** Where a wheel is cached: {@code wheels/<key>/<filename>}, checked to stay inside the cache. */
    Path wheelPath(IndexFile file) {
        return dev.layerfit.io.SafePaths.inside(root, "wheels", fileKey(file), file.filename());
    }

    /**
     * Whether a cached wheel still has the sha256 its index stated (no stated hash: trusted as downloaded). A wheel
     * that does not is deleted so that it is downloaded again.
     */
    boolean cachedWheelIntact(Path wheel, String expected) {
        if (expected == null) {
            return true;
        }
        try (InputStream in = Files.newInputStream(wheel)) {
            MessageDigest md = digest();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            if (HexFormat.of().formatHex(md.digest()).equalsIgnoreCase(expected)) {
                return true;
            }
        } catch (IOException e) {
            // unreadable: dropped below
        }
        try {
            Files.deleteIfExists(wheel);
        } catch (IOException e) {
            // the download replaces it
        }
        dropped.add("the cached wheel " + wheel.getFileName() + " was damaged (it did not match the index's sha256);"
                + " it was dropped and downloaded again");
        return false;
    }

    /**
     * Streams {@code in} into {@code target} through a temporary file, checking the sha256 when {@code expected}
     * is not null; on a mismatch nothing is left behind.
     *
     * @return the bytes written
     */
    long storeVerified(InputStream in, Path target, String expected, String what) throws IOException {
        Files.createDirectories(target.getParent());
        Path temp = dev.layerfit.io.TempFiles.createFile(target.getParent(), ".part-", ".tmp");
        try {
            MessageDigest md = digest();
            long total = 0;
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    md.update(buf, 0, n);
                    out.write(buf, 0, n);
                    total += n;
                }
            }
            String actual = HexFormat.of().formatHex(md.digest());
            if (expected != null && !expected.equalsIgnoreCase(actual)) {
                throw new HashMismatchException(what, expected, actual);
            }
            move(temp, target);
            return total;
        } finally {
            Files.deleteIfExists(temp);
            dev.layerfit.io.TempFiles.release(temp);
        }
    }

    /** A stored page: body, content type and validators. */
    record StoredPage(byte[] body, String contentType, String etag, String lastModified) {
    }

    private Path pageBase(URI url, String accept) {
        String key = sha256Hex((HttpTransport.withoutUserInfo(url) + "\n" + accept).getBytes(StandardCharsets.UTF_8));
        return root.resolve("pages").resolve(key);
    }

    Optional<StoredPage> page(URI url, String accept) {
        Path base = pageBase(url, accept);
        Path body = base.resolveSibling(base.getFileName() + ".body");
        Path props = base.resolveSibling(base.getFileName() + ".properties");
        if (!Files.isRegularFile(body) || !Files.isRegularFile(props)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(props)) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(new StoredPage(Files.readAllBytes(body), p.getProperty("contentType"),
                    p.getProperty("etag"), p.getProperty("lastModified")));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void putPage(URI url, String accept, StoredPage page) {
        Path base = pageBase(url, accept);
        Properties p = new Properties();
        if (page.contentType() != null) {
            p.setProperty("contentType", page.contentType());
        }
        if (page.etag() != null) {
            p.setProperty("etag", page.etag());
        }
        if (page.lastModified() != null) {
            p.setProperty("lastModified", page.lastModified());
        }
        java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writeAtomically(base.resolveSibling(base.getFileName() + ".body"), page.body());
        writeAtomically(base.resolveSibling(base.getFileName() + ".properties"), text.toByteArray());
    }

    private static void writeAtomically(Path target, byte[] data) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = dev.layerfit.io.TempFiles.createFile(target.getParent(), ".part-", ".tmp");
            try {
                Files.write(temp, data);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
                dev.layerfit.io.TempFiles.release(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the cache file " + target, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
