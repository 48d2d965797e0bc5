package dev.layerfit.python.index;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Bytes and requests an {@link IndexClient} moved over the network (file:// reads are not counted):
 * project pages, core metadata (PEP 658 files, ranged wheel reads, and whole wheels fetched only because a
 * server ignored Range), and wheel downloads.
 */
public final class TransferStats {
    private final AtomicLong pageBytes = new AtomicLong();
    private final AtomicLong metadataBytes = new AtomicLong();
    private final AtomicLong wheelBytes = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    /** What a transfer was for. */
    enum Purpose { PAGE, METADATA, WHEEL }

    void add(Purpose purpose, long bytes) {
        (switch (purpose) {
            case PAGE -> pageBytes;
            case METADATA -> metadataBytes;
            case WHEEL -> wheelBytes;
        }).addAndGet(bytes);
    }

    void request() {
        requests.incrementAndGet();
    }

    /** Body bytes of project and root pages. */
    public long pageBytes() {
        return pageBytes.get();
    }

    /** Body bytes fetched to learn core metadata. */
    public long metadataBytes() {
        return metadataBytes.get();
    }

    /** Body bytes of wheel downloads (not counting those already in {@link #metadataBytes()}). */
    public long wheelBytes() {
        return wheelBytes.get();
    }

    /** HTTP requests sent (each retry counts). */
    public long requests() {
        return requests.get();
    }

    @Override
    public String toString() {
        return "TransferStats[pages=" + pageBytes + " B, metadata=" + metadataBytes + " B, wheels=" + wheelBytes
                + " B, requests=" + requests + "]";
    }
}
