package dev.layerfit.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A response body as an InputStream whose every read waits at most the read timeout, and no read past the request
 * deadline. The JDK's own body stream blocks without limit and ignores interrupts, so this subscriber keeps its own
 * queue of the buffers the client delivers and polls it with a timeout; on a timeout the subscription is cancelled
 * (the connection is dropped) and the read fails with an {@link HttpTimeoutException}.
 */
final class TimedBody implements HttpResponse.BodySubscriber<InputStream> {

    private static final List<ByteBuffer> END = List.of();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final long readTimeoutNanos;
    private final long deadlineNanos;
    private volatile Flow.Subscription subscription;
    private final CompletableFuture<InputStream> body = new CompletableFuture<>();

    TimedBody(long readTimeoutNanos, long deadlineNanos) {
        this.readTimeoutNanos = readTimeoutNanos;
        this.deadlineNanos = deadlineNanos;
        body.complete(new Stream());
    }

    @Override
    public CompletionStage<InputStream> getBody() {
        return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.offer(item);
    }

    @Override
    public void onError(Throwable throwable) {
        queue.offer(throwable);
    }

    @Override
    public void onComplete() {
        queue.offer(END);
    }

    private final class Stream extends InputStream {
        private Iterator<ByteBuffer> buffers = List.<ByteBuffer>of().iterator();
        private ByteBuffer current;
        private boolean done;
        private boolean closed;

        private boolean fill() throws IOException {
            while (current == null || !current.hasRemaining()) {
                if (done) {
                    return false;
                }
                if (closed) {
                    throw new IOException("the response body is closed");
                }
                if (buffers.hasNext()) {
                    current = buffers.next();
                    continue;
                }
                long left = deadlineNanos - System.nanoTime();
                if (left <= 0) {
                    throw timeout("the response did not complete within the request deadline");
                }
                Object next;
                try {
                    next = queue.poll(Math.min(left, readTimeoutNanos), TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancel();
                    throw new java.io.InterruptedIOException("interrupted while reading the response");
                }
                if (next == null) {
                    throw timeout(deadlineNanos - System.nanoTime() <= 0
                            ? "the response did not complete within the request deadline"
                            : "the server sent nothing for " + readTimeoutNanos / 1_000_000 / 1000.0 + " s");
                }
                if (next instanceof Throwable t) {
                    done = true;
                    throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
                }
                @SuppressWarnings("unchecked")
                List<ByteBuffer> list = (List<ByteBuffer>) next;
                if (list == END) {
                    done = true;
                    return false;
                }
                buffers = list.iterator();
                Flow.Subscription s = subscription;
                if (s != null) {
                    s.request(1);
                }
            }
            return true;
        }

        private HttpTimeoutException timeout(String what) {
            cancel();
            return new HttpTimeoutException(what);
        }

        @Override
        public int read() throws IOException {
            return fill() ? current.get() & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.remaining());
            current.get(b, off, n);
            return n;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                if (!done) {
                    cancel();
                }
            }
        }

        private void cancel() {
            done = true;
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }
    }
}
