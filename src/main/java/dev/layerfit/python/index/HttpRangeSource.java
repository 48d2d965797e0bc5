package dev.layerfit.python.index;

import dev.layerfit.archive.LocalFileSource;
import dev.layerfit.archive.RandomAccessSource;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.net.URI;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A remote file read with HTTP range requests ({@code Range: bytes=a-b}, RFC 9110 §14). Opening sends one
 * suffix-range GET for the file's tail, which also tells the size (from {@code Content-Range}); later reads
 * inside the bytes already held are served from memory, reads that reach into them fetch only the missing
 * front part and keep it. Every body byte is counted as metadata traffic.
 */
public final class HttpRangeSource implements RandomAccessSource {

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes\\s+(\\d+)-(\\d+)/(\\d+)");

    private final HttpTransport http;
    private final URI url;
    private final long size;
    private long heldStart;
    private byte[] held;

    private HttpRangeSource(HttpTransport http, URI url, long size, long heldStart, byte[] held) {
        this.http = http;
        this.url = url;
        this.size = size;
        this.heldStart = heldStart;
        this.held = held;
    }

    /** Takes the whole body when a server answers a range request with 200, and returns where it stored it. */
    interface WholeFileSink {
        Path store(InputStream body) throws IOException;
    }

    /**
     * Fetches the last {@code tailLength} bytes of {@code url} and returns a ranged source over the file; when the
     * server ignores Range (200) the body is handed to {@code sink} instead and the stored copy is returned.
     *
     * @throws BadIndexResponseException on any other unexpected answer
     */
    static RandomAccessSource open(HttpTransport http, URI url, int tailLength, WholeFileSink sink) throws IOException {
        HttpResponse<InputStream> r = http.stream(url, Map.of("Range", "bytes=-" + tailLength, "Accept-Encoding", "identity"));
        try (InputStream body = r.body()) {
            if (r.statusCode() == 200) {
                return LocalFileSource.open(sink.store(body));
            }
            if (r.statusCode() != 206) {
                throw new BadIndexResponseException(RedactedUrl.of(url) + " answered HTTP " + r.statusCode()
                        + " to a range request for the file's end; check that the file exists on the index");
            }
            // a 206 for the tail is at most what was asked; more is a broken server, not a reason to fill memory
            byte[] tail = dev.layerfit.io.BoundedStreams.readAtMost(body, tailLength, () -> new BadIndexResponseException(
                    RedactedUrl.of(url) + " sent more than the " + tailLength + " bytes asked for; the server mishandles range requests"));
            http.count(TransferStats.Purpose.METADATA, tail.length);
            long[] range = contentRange(url, r.headers().firstValue("Content-Range").orElse(null));
            if (range[1] - range[0] + 1 != tail.length || range[1] != range[2] - 1) {
                throw new BadIndexResponseException(RedactedUrl.of(url) + " sent " + tail.length
                        + " bytes for the range " + range[0] + "-" + range[1] + "/" + range[2] + "; the server mishandles range requests");
            }
            return new HttpRangeSource(http, url, range[2], range[0], tail);
        }
    }

    private static long[] contentRange(URI url, String header) {
        Matcher m = header == null ? null : CONTENT_RANGE.matcher(header);
        if (m == null || !m.find()) {
            throw new BadIndexResponseException(RedactedUrl.of(url) + " answered 206 without a usable Content-Range ("
                    + header + "); the server mishandles range requests");
        }
        return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public synchronized void readFully(long offset, byte[] buf, int off, int len) throws IOException {
        if (offset < 0 || len < 0 || offset > size - len) {
            throw new EOFException(RedactedUrl.of(url) + ": cannot read " + len + " bytes at offset " + offset
                    + " of a " + size + "-byte file");
        }
        long end = offset + len;
        if (offset < heldStart && end >= heldStart) {
            byte[] front = fetch(offset, heldStart);
            byte[] joined = new byte[front.length + held.length];
            System.arraycopy(front, 0, joined, 0, front.length);
            System.arraycopy(held, 0, joined, front.length, held.length);
            held = joined;
            heldStart = offset;
        }
        if (offset >= heldStart) {
            System.arraycopy(held, (int) (offset - heldStart), buf, off, len);
        } else {
            System.arraycopy(fetch(offset, end), 0, buf, off, len);
        }
    }

    /** Fetches {@code [from, to)}. */
    private byte[] fetch(long from, long to) throws IOException {
        HttpTransport.Response r = http.get(url, Map.of("Range", "bytes=" + from + "-" + (to - 1), "Accept-Encoding", "identity"),
                TransferStats.Purpose.METADATA);
        if (r.status() != 206) {
            throw new IOException(RedactedUrl.of(url) + " answered HTTP " + r.status() + " to the range " + from + "-" + (to - 1));
        }
        long[] range = contentRange(url, r.header("Content-Range"));
        if (range[0] != from || r.body().length != to - from) {
            throw new IOException(RedactedUrl.of(url) + " sent the wrong bytes for the range " + from + "-" + (to - 1));
        }
        return r.body();
    }

    @Override
    public void close() {
        held = new byte[0];
    }
}
