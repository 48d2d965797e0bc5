package dev.layerfit.io;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Stops a pool whose threads write files (downloads, wheel extraction) and waits for them to end, so that none writes
 * into a temporary folder after its owner has deleted it: a folder deleted while a worker still extracts into it is
 * recreated by that worker's next {@code createDirectories}, and left behind.
 */
public final class PoolShutdown {

    /** The longest a stopped pool is waited for; a worker blocked longer than this is left to the JVM's exit. */
    private static final long WAIT_SECONDS = 30;

    private PoolShutdown() {
    }

    /** Interrupts the pool's threads and waits for them to end; an interrupt of the calling thread is kept for later. */
    public static void stopAndWait(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!pool.isTerminated() && System.nanoTime() < deadline) {
            try {
                pool.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
