package dev.layerfit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote file read with HTTP range requests ({@code Range: bytes=a-b}, RFC 9110 §14), for a layer's zip behind a
 * presigned URL and a wheel on an index alike. Opening fetches the file's tail (a suffix range, or an exact one when
 * the size is known beforehand), which also tells the size ({@code Content-Range}), and returns a
 * {@link TailBufferedSource} over it: reads inside the tail are served from memory, reads that reach into it fetch
 * only the missing front part, reads before it fetch just their range (each one request of this source). When the
 * server ignores Range and answers 200 with the whole body, the body is stored once ({@link WholeFile}) and every
 * read is local: the full-download fallback.
 *
 * <p>The caller supplies the HTTP exchange ({@link Transport}: its client, credentials, retries and traffic counts)
 * and its exception types ({@link Failures}); messages name the file by {@code label} (an ARN, or a URL without its
 * query), never by a URL that may carry a signature.
 */
public final class HttpRangeSource implements RandomAccessSource {

    /** The tail a zip reader reads first (where the end record is looked for): what opening fetches. */
    public static final int ZIP_TAIL = EndOfCentralDirectory.FIRST_WINDOW;

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+)");

    /** One GET of the file with the given {@code Range} header value. */
    @FunctionalInterface
    public interface Transport {
        Answer get(String range) throws IOException;

        /** Told the body bytes of every 206 answer read (for traffic counts); nothing by default. */
        default void received(long bytes) {
        }
    }

    /**
     * A server's answer.
     *
     * @param status       the HTTP status
     * @param contentRange the {@code Content-Range} header, or null
     * @param body         the body, closed by the source
     */
    public record Answer(int status, String contentRange, InputStream body) {
    }

    /** Stores the whole body when a server answers a range request with 200. */
    @FunctionalInterface
    public interface WholeFile {
        Stored store(InputStream body) throws IOException;
    }

    /**
     * A stored whole body.
     *
     * @param file      where it is
     * @param temporary whether the source deletes it when closed (a cache keeps its copy)
     */
    public record Stored(Path file, boolean temporary) {
    }

    /** The caller's exceptions, made from one sentence that says what happened (the caller adds what to do). */
    public interface Failures {
        /** The server answered what a range request cannot be answered with. */
        RuntimeException badAnswer(String sentence, int status);

        /** The connection failed or the body stopped early. */
        RuntimeException lost(String sentence, IOException cause);
    }

    private final Transport transport;
    private final String label;
    private final Failures failures;
    private final long size;

    private HttpRangeSource(Transport transport, String label, Failures failures, long size) {
        this.transport = transport;
        this.label = label;
        this.failures = failures;
        this.size = size;
    }

    /**
     * Fetches the last {@code tailLength} bytes and returns a ranged source over the file; when the server ignores
     * Range (200) the body goes to {@code wholeFile} and a source over the stored copy is returned.
     *
     * @param knownSize the file's length when known beforehand (Lambda's CodeSize), else -1
     */
    public static RandomAccessSource open(Transport transport, String label, int tailLength, long knownSize, WholeFile wholeFile,
            Failures failures) {
        String range = knownSize < 0 ? "bytes=-" + tailLength
                : "bytes=" + Math.max(0, knownSize - tailLength) + "-" + (knownSize - 1);
        Answer a = exchange(transport, range, label, failures);
        try (InputStream body = a.body()) {
            if (a.status() == 200) {
                Stored stored = wholeFile.store(body);
                LocalFileSource local = LocalFileSource.open(stored.file());
                if (knownSize >= 0 && local.size() != knownSize) {
                    local.close();
                    deleteQuietly(stored);
                    throw failures.lost("the download of " + label + " stopped after " + local.size() + " of " + knownSize
                            + " bytes (connection lost, or the file changed)", null);
                }
                return new StoredCopy(local, stored);
            }
            if (a.status() != 206) {
                throw failures.badAnswer(label + " answered HTTP " + a.status() + " to a range request for the file's end", a.status());
            }
            long[] r = contentRange(a.contentRange(), label, failures);
            if (knownSize >= 0 && r[2] != knownSize) {
                throw failures.badAnswer(label + " is " + r[2] + " bytes on the server, not the " + knownSize + " expected (the file "
                        + "changed)", a.status());
            }
            byte[] tail = readBody(body, (int) (r[1] - r[0] + 1), label, failures);
            transport.received(tail.length);
            if (r[1] != r[2] - 1) {
                throw failures.badAnswer("the server sent the range " + r[0] + "-" + r[1] + "/" + r[2] + " of " + label
                        + " for its end; it mishandles range requests", a.status());
            }
            HttpRangeSource ranges = new HttpRangeSource(transport, label, failures, r[2]);
            return new TailBufferedSource(r[2], r[0], tail, () -> ranges);
        } catch (IOException e) {
            throw failures.lost("the connection failed while downloading " + label + " (" + dev.layerfit.error.ExceptionWords.describe(e) + ")", e);
        }
    }

    private static Answer exchange(Transport transport, String range, String label, Failures failures) {
        try {
            return transport.get(range);
        } catch (IOException e) {
            throw failures.lost("the connection failed while downloading " + label + " (" + dev.layerfit.error.ExceptionWords.describe(e) + ")", e);
        }
    }

    private static long[] contentRange(String header, String label, Failures failures) {
        Matcher m = header == null ? null : CONTENT_RANGE.matcher(header);
        if (m == null || !m.find()) {
            throw failures.badAnswer("the server answered a range request for " + label + " with 206 and no usable Content-Range ("
                    + header + "); it mishandles range requests", 206);
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    private static byte[] readBody(InputStream body, int len, String label, Failures failures) throws IOException {
        byte[] out = body.readNBytes(len);
        if (out.length < len) {
            throw failures.lost("the download of " + label + " stopped after " + out.length + " of " + len
                    + " bytes (connection lost)", null);
        }
        return out;
    }

    @Override
    public long size() {
        return size;
    }

    /** One range request for exactly these bytes. */
    @Override
    public void readFully(long offset, byte[] buf, int off, int len) throws IOException {
        RandomAccessSource.checkRange(label, size, offset, len);
        if (len > 0) {
            System.arraycopy(fetch(offset, offset + len), 0, buf, off, len);
        }
    }

    /** Fetches {@code [from, to)}. */
    private byte[] fetch(long from, long to) {
        String range = "bytes=" + from + "-" + (to - 1);
        Answer a = exchange(transport, range, label, failures);
        try (InputStream body = a.body()) {
            if (a.status() != 206) {
                throw failures.badAnswer(label + " answered HTTP " + a.status() + " to the range " + from + "-" + (to - 1), a.status());
            }
            long[] r = contentRange(a.contentRange(), label, failures);
            if (r[0] != from || r[1] != to - 1) {
                throw failures.badAnswer("the server answered a request for bytes " + from + "-" + (to - 1) + " of " + label
                        + " with the range '" + a.contentRange() + "'", a.status());
            }
            byte[] bytes = readBody(body, (int) (to - from), label, failures);
            transport.received(bytes.length);
            return bytes;
        } catch (IOException e) {
            throw failures.lost("the connection failed while downloading " + label + " (" + dev.layerfit.error.ExceptionWords.describe(e) + ")", e);
        }
    }

    private static void deleteQuietly(Stored stored) {
        if (stored.temporary()) {
            dev.layerfit.io.TempFiles.delete(stored.file());
        }
    }

    @Override
    public void close() {
        // every request is complete when it returns: nothing is held open
    }

    /** The whole file stored after a 200 answer; a temporary copy is deleted on close. */
    private static final class StoredCopy implements RandomAccessSource {
        private final LocalFileSource local;
        private final Stored stored;

        StoredCopy(LocalFileSource local, Stored stored) {
            this.local = local;
            this.stored = stored;
        }

        @Override
        public long size() {
            return local.size();
        }

        @Override
        public void readFully(long offset, byte[] buf, int off, int len) throws IOException {
            local.readFully(offset, buf, off, len);
        }

        @Override
        public void close() throws IOException {
            local.close();
            deleteQuietly(stored);
        }
    }
}
