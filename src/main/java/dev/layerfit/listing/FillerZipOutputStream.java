package dev.layerfit.listing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip writer for listing entries, with their kept content or filler content. A file of {@code size} bytes gets a pseudo-random
 * prefix (seeded from its path) stored at deflate level 0, then zeros deflated at level 1: the random part
 * costs its own length plus 5 bytes per 64 KiB stored block, the zeros about one byte per
 * {@link #ZERO_RATIO} (a run of zeros is a chain of 258-byte matches), so a prefix length can be chosen
 * that makes the entry deflate to about the recorded compressed size, cheaply.
 *
 * <p>Subclasses {@link ZipOutputStream} only to change the level of its deflater within an entry.
 */
final class FillerZipOutputStream extends ZipOutputStream {

    /** Every entry's modification time: fixed, so the same listing gives the same bytes. */
    static final LocalDateTime FIXED_TIME = LocalDateTime.of(2020, 1, 1, 0, 0, 0);

    /** Zeros in per deflated byte at level 1, measured on this JDK's zlib (see ListingMaterializerTest). */
    static final double ZERO_RATIO = 229.0;

    /** Deflate's stored-block overhead: a 5-byte header per block of at most 65,535 bytes (RFC 1951 3.2.4). */
    private static final double STORED_OVERHEAD = 5.0 / 32768.0;

    /** Bytes a stream end and level switch add, roughly. */
    private static final long FIXED_OVERHEAD = 8;

    private static final int CHUNK = 64 * 1024;
    private final byte[] zeros = new byte[CHUNK];
    private final byte[] random = new byte[CHUNK];

    FillerZipOutputStream(OutputStream out) {
        super(out, StandardCharsets.UTF_8);
    }

    void putDirectory(String name) throws IOException {
        ZipEntry ze = new ZipEntry(name);
        ze.setTimeLocal(FIXED_TIME);
        ze.setMethod(STORED);
        ze.setSize(0);
        ze.setCompressedSize(0);
        ze.setCrc(0);
        putNextEntry(ze);
        closeEntry();
    }

    /**
     * Writes a file with its real bytes, deflated at level 6 as the recorder measured them, so its
     * compressed size is the recorded one.
     */
    void putContent(String name, byte[] content) throws IOException {
        ZipEntry ze = new ZipEntry(name);
        ze.setTimeLocal(FIXED_TIME);
        ze.setMethod(DEFLATED);
        putNextEntry(ze);
        switchLevel(Listing.DEFLATE_LEVEL);
        write(content, 0, content.length);
        closeEntry();
    }

    void putFile(String name, long size, long targetCompressedSize) throws IOException {
        ZipEntry ze = new ZipEntry(name);
        ze.setTimeLocal(FIXED_TIME);
        ze.setMethod(DEFLATED);
        putNextEntry(ze);
        long prefix = randomPrefixLength(size, targetCompressedSize);
        if (prefix > 0) {
            def.setLevel(Deflater.NO_COMPRESSION);
            SplittableRandom rnd = new SplittableRandom(seed(name));
            for (long left = prefix; left > 0; ) {
                int n = (int) Math.min(CHUNK, left);
                fillRandom(rnd, n);
                write(random, 0, n);
                left -= n;
            }
        }
        switchLevel(Deflater.BEST_SPEED);
        for (long left = size - prefix; left > 0; ) {
            int n = (int) Math.min(CHUNK, left);
            write(zeros, 0, n);
            left -= n;
        }
        closeEntry();
    }

    /**
     * Changes the deflater's level before more input arrives. zlib applies a new level by first flushing
     * with the old one, and it flushes whatever input is present at that moment; so, with no input set,
     * deflate until the flush stops producing output, else the next chunk of zeros would go out stored.
     */
    private void switchLevel(int level) throws IOException {
        def.setLevel(level);
        long before;
        do {
            before = def.getBytesWritten();
            deflate();
        } while (def.getBytesWritten() != before);
    }

    /** How many random bytes make {@code size} bytes of filler deflate to about {@code target} bytes. */
    static long randomPrefixLength(long size, long target) {
        double p = (target - FIXED_OVERHEAD - size / ZERO_RATIO) / (1 + STORED_OVERHEAD - 1 / ZERO_RATIO);
        return Math.max(0, Math.min(size, Math.round(p)));
    }

    private void fillRandom(SplittableRandom rnd, int n) {
        for (int i = 0; i < n; i += 8) {
            long v = rnd.nextLong();
            for (int j = 0; j < 8 && i + j < n; j++) {
                random[i + j] = (byte) (v >>> (8 * j));
            }
        }
    }

    private static long seed(String name) {
        long h = 1125899906842597L; // a 64-bit string hash, stable across JDKs (unlike String.hashCode's width)
        for (int i = 0; i < name.length(); i++) {
            h = 31 * h + name.charAt(i);
        }
        return h;
    }
}
