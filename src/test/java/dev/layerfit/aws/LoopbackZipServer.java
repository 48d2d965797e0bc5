package dev.layerfit.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves one file on 127.0.0.1 at {@code /layer.zip}, honouring {@code Range: bytes=a-b} (206) or, when told to,
 * ignoring it (200, whole body). It counts the body bytes it sends, and can cut the connection after a number of
 * body bytes to simulate a network loss.
 */
final class LoopbackZipServer implements AutoCloseable {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final HttpServer server;
    private final byte[] content;
    private final boolean honourRange;
    private final long cutAfter;
    final AtomicLong bytesServed = new AtomicLong();
    final AtomicInteger requests = new AtomicInteger();

    private LoopbackZipServer(byte[] content, boolean honourRange, long cutAfter) throws IOException {
        this.content = content;
        this.honourRange = honourRange;
        this.cutAfter = cutAfter;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/layer.zip", this::handle);
        server.start();
    }

    static LoopbackZipServer withRanges(byte[] content) throws IOException {
        return new LoopbackZipServer(content, true, Long.MAX_VALUE);
    }

    static LoopbackZipServer ignoringRanges(byte[] content) throws IOException {
        return new LoopbackZipServer(content, false, Long.MAX_VALUE);
    }

    /** Declares the full length of every response, but sends only {@code cutAfter} body bytes, then closes. */
    static LoopbackZipServer cuttingAfter(byte[] content, boolean honourRange, long cutAfter) throws IOException {
        return new LoopbackZipServer(content, honourRange, cutAfter);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/layer.zip");
    }

    /** A fetcher that reads this server whatever Location Lambda (or moto) gave. */
    ArtifactFetcher fetcher() {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        return v -> HttpArtifactFetcher.source(client, uri(), v.codeSize(), v.layerVersionArn());
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        try (ex) {
            String range = ex.getRequestHeaders().getFirst("Range");
            Matcher m = range == null ? null : RANGE.matcher(range);
            int from = 0;
            int to = content.length - 1;
            if (honourRange && m != null && m.matches()) {
                from = Integer.parseInt(m.group(1));
                to = Math.min(Integer.parseInt(m.group(2)), content.length - 1);
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + content.length);
                ex.sendResponseHeaders(206, to - from + 1L);
            } else {
                ex.sendResponseHeaders(200, content.length);
            }
            int length = to - from + 1;
            int send = (int) Math.min(length, cutAfter);
            OutputStream out = ex.getResponseBody();
            try {
                out.write(content, from, send);
                out.flush();
                bytesServed.addAndGet(send);
            } catch (IOException clientWentAway) {
                return;
            }
            if (send < length) {
                // drop the connection mid-body
                throw new IOException("cut on purpose after " + send + " bytes");
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
