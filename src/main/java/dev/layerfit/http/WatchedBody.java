package dev.layerfit.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A response body with a read timeout and a deadline. The JDK's body streams block without limit, so one watchdog
 * thread looks at every open body ten times a second and interrupts a reader that has waited too long (the JDK's
 * stream answers an interrupt with an exception); the read then fails with an {@link HttpTimeoutException}.
 */
final class WatchedBody extends FilterInputStream {

    private static final Set<WatchedBody> OPEN = ConcurrentHashMap.newKeySet();
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "layerfit-http-watchdog");
        t.setDaemon(true);
        return t;
    });

    static {
        WATCHDOG.scheduleWithFixedDelay(() -> OPEN.forEach(WatchedBody::check), 100, 100, TimeUnit.MILLISECONDS);
    }

    private final long readTimeoutNanos;
    private final long deadlineNanos;
    private Thread reader;
    private long readSince;
    private String timedOut;

    WatchedBody(InputStream in, long readTimeoutNanos, long deadlineNanos) {
        super(in);
        this.readTimeoutNanos = readTimeoutNanos;
        this.deadlineNanos = deadlineNanos;
        OPEN.add(this);
    }

    private synchronized void check() {
        if (reader == null || timedOut != null) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadlineNanos > 0) {
            timedOut = "the response did not complete within the request deadline";
        } else if (now - readSince > readTimeoutNanos) {
            timedOut = "the server sent nothing for " + (readTimeoutNanos / 1_000_000_000.0) + " s";
        } else {
            return;
        }
        reader.interrupt();
    }

    private synchronized void begin() throws HttpTimeoutException {
        if (timedOut != null) {
            throw new HttpTimeoutException(timedOut);
        }
        if (System.nanoTime() - deadlineNanos > 0) {
            timedOut = "the response did not complete within the request deadline";
            throw new HttpTimeoutException(timedOut);
        }
        reader = Thread.currentThread();
        readSince = System.nanoTime();
    }

    private synchronized void end() throws HttpTimeoutException {
        reader = null;
        if (timedOut != null) {
            Thread.interrupted(); // the watchdog's interrupt was for this read, not for the caller
            throw new HttpTimeoutException(timedOut);
        }
    }

    @Override
    public int read() throws IOException {
        begin();
        int b;
        try {
            b = super.read();
        } catch (IOException e) {
            end();
            throw e;
        }
        end();
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        begin();
        int n;
        try {
            n = super.read(b, off, len);
        } catch (IOException e) {
            end();
            throw e;
        }
        end();
        if (n < 0) {
            OPEN.remove(this);
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        OPEN.remove(this);
        super.close();
    }
}
