package dev.layerfit.archive;

import java.io.EOFException;
import java.util.ArrayList;
import java.util.List;

/** An in-memory {@link RandomAccessSource} that records every range asked of it, as a remote source would be asked. */
final class RecordingByteSource implements RandomAccessSource {

    /** One read: {@code [offset, offset + length)}. */
    record Range(long offset, int length) {
    }

    private final byte[] bytes;
    final List<Range> reads = new ArrayList<>();
    boolean closed;

    RecordingByteSource(byte[] bytes) {
        this.bytes = bytes;
    }

    @Override
    public long size() {
        return bytes.length;
    }

    @Override
    public void readFully(long offset, byte[] buf, int off, int len) throws EOFException {
        if (offset < 0 || offset + len > bytes.length) {
            throw new EOFException("read of " + len + " bytes at " + offset + " past " + bytes.length);
        }
        reads.add(new Range(offset, len));
        System.arraycopy(bytes, (int) offset, buf, off, len);
    }

    @Override
    public void close() {
        closed = true;
    }
}
