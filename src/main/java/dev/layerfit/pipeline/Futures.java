package dev.layerfit.pipeline;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waits for the build's parallel steps, passing their own exceptions through unwrapped. */
final class Futures {

    private Futures() {
    }

    /**
     * The result of {@code f}; a runtime or I/O exception it threw is rethrown as is.
     *
     * @param doing what the task does, for the message when the wait is interrupted ("downloading wheels")
     */
    static <T> T await(Future<T> f, String doing) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + doing);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause);
        }
    }
}
