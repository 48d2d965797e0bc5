package dev.layerfit.archive;

import java.io.IOException;

/**
 * Keeps the tail of a remote zip in memory: a read that reaches into the kept tail extends it downwards (so the end
 * record's window and then the central directory cost one request each, and are kept); a read entirely before it
 * (one entry's data) goes straight to the remote source. The kept tail is what a cache may store (the layer store's
 * {@code RemoteIndexCache}); a source rebuilt from the cache opens the remote only if a read falls outside it.
 */
public final class TailBufferedSource implements RandomAccessSource {

    /** Opens the remote bytes, on first need. */
    @FunctionalInterface
    public interface Opener {
        RandomAccessSource open() throws IOException;
    }

    private final long size;
    private final Opener opener;
    private long tailStart;
    private byte[] tail;
    private RandomAccessSource remote;

    /**
     * @param size      the file's length
     * @param tailStart where {@code tail} starts ({@code size} when nothing is kept yet)
     * @param tail      the bytes {@code [tailStart, size)}
     */
    public TailBufferedSource(long size, long tailStart, byte[] tail, Opener opener) {
        if (tailStart + tail.length != size) {
            throw new IllegalArgumentException("tail of " + tail.length + " bytes at " + tailStart + " does not end at " + size);
        }
        this.size = size;
        this.tailStart = tailStart;
        this.tail = tail;
        this.opener = opener;
    }

    @Override
    public long size() {
        return size;
    }

    /** Where the kept tail starts. */
    public synchronized long tailStart() {
        return tailStart;
    }

    /** The kept tail (not copied: do not modify). */
    public synchronized byte[] tail() {
        return tail;
    }

    /** Whether the remote source was ever opened. */
    public synchronized boolean remoteOpened() {
        return remote != null;
    }

    @Override
    public synchronized void readFully(long offset, byte[] buf, int off, int len) throws IOException {
        RandomAccessSource.checkRange("a remote file", size, offset, len);
        if (offset < tailStart && offset + len >= tailStart) {
            byte[] more = remote().read(offset, (int) (tailStart - offset));
            byte[] grown = new byte[more.length + tail.length];
            System.arraycopy(more, 0, grown, 0, more.length);
            System.arraycopy(tail, 0, grown, more.length, tail.length);
            tail = grown;
            tailStart = offset;
        }
        if (offset >= tailStart) {
            System.arraycopy(tail, (int) (offset - tailStart), buf, off, len);
        } else {
            remote().readFully(offset, buf, off, len);
        }
    }

    private RandomAccessSource remote() throws IOException {
        if (remote == null) {
            remote = opener.open();
        }
        return remote;
    }

    @Override
    public synchronized void close() throws IOException {
        if (remote != null) {
            remote.close();
            remote = null;
        }
    }
}
