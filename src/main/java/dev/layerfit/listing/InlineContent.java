package dev.layerfit.listing;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The real bytes of a small file kept inside a listing (format v2), so that the materialized zip holds
 * that file exactly. Immutable; equal when the bytes are equal.
 *
 * <p>In the listing the bytes are written as standard base64 (RFC 4648 section 4, with padding, no line
 * breaks) of a raw deflate stream (RFC 1951, no zlib header) at level 9: text metadata shrinks by about
 * two thirds before base64 adds a third back.
 */
public final class InlineContent {

    private final byte[] bytes;

    private InlineContent(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Content holding a copy of {@code bytes}. */
    public static InlineContent of(byte[] bytes) {
        return new InlineContent(bytes.clone());
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** How many bytes. */
    public int length() {
        return bytes.length;
    }

    /** The bytes as written in a listing: base64 of their raw deflate at level 9. */
    String encode() {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 16);
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }

    /**
     * Decodes text written by {@link #encode()}, inflating at most {@code limit} + 1 bytes, so that a
     * size mismatch shows without inflating a huge stream.
     *
     * @throws IllegalArgumentException naming what is wrong when the text is not base64 or not a complete
     *                                  raw deflate stream
     */
    static InlineContent decode(String text, long limit) {
        byte[] deflated;
        try {
            deflated = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the content is not base64 (" + e.getMessage() + ")");
        }
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(limit + 1, 1 << 20));
            byte[] buf = new byte[8192];
            while (!inflater.finished() && out.size() <= limit) {
                int n = inflater.inflate(buf);
                if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("the content's deflate stream is truncated");
                }
                out.write(buf, 0, n);
            }
            if (inflater.finished() && inflater.getRemaining() > 0) {
                throw new IllegalArgumentException("the content has bytes after its deflate stream");
            }
            return new InlineContent(out.toByteArray());
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("the content is not a raw deflate stream (" + e.getMessage() + ")");
        } finally {
            inflater.end();
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InlineContent other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "InlineContent[" + bytes.length + " bytes]";
    }
}
