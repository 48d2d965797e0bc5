package dev.layerfit.archive;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;

/**
 * Bytes that can be read at any offset: a local file, or (later) a remote file through HTTP range
 * requests. {@link ZipIndex} asks only for the tail of a zip (the end record, at most 65,557 bytes, and
 * the central directory) and, for one entry's bytes, that entry's local header and data.
 */
public interface RandomAccessSource extends Closeable {

    /** The total length in bytes. */
    long size();

    /**
     * Reads exactly {@code len} bytes starting at {@code offset} into {@code buf[off..off+len)}.
     *
     * @throws EOFException when the range runs past {@link #size()}
     */
    void readFully(long offset, byte[] buf, int off, int len) throws IOException;

    /**
     * Fails unless {@code len} bytes at {@code offset} lie inside a source of {@code size} bytes (what every
     * {@link #readFully} checks first).
     *
     * @param label what to call the source in the message (a path, an ARN, a URL without its query)
     */
    static void checkRange(String label, long size, long offset, int len) throws EOFException {
        if (offset < 0 || len < 0 || offset > size - len) {
            throw new EOFException(label + ": cannot read " + len + " bytes at offset " + offset + " of a " + size + "-byte file");
        }
    }

    /** Reads exactly {@code len} bytes starting at {@code offset} into a new array. */
    default byte[] read(long offset, int len) throws IOException {
        byte[] buf = new byte[len];
        readFully(offset, buf, 0, len);
        return buf;
    }
}
