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

    /** Reads exactly {@code len} bytes starting at {@code offset} into a new array. */
    default byte[] read(long offset, int len) throws IOException {
        byte[] buf = new byte[len];
        readFully(offset, buf, 0, len);
        return buf;
    }
}
