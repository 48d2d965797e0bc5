package dev.layerfit.archive;

import java.io.EOFException;

/** A zip held in memory (small generated archives, such as inline code). */
public final class ByteArraySource implements RandomAccessSource {

    private final byte[] bytes;

    public ByteArraySource(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void readFully(long offset, byte[] buf, int off, int len) throws EOFException {
        if (offset < 0 || offset + len > bytes.length) {
            throw new EOFException("read past the end of a " + bytes.length + "-byte archive");
        }
        System.arraycopy(bytes, (int) offset, buf, off, len);
    }

    @Override
    public void close() {
    }
}
