package dev.layerfit.aws;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback endpoint that answers every Lambda call with one canned error (status, x-amzn-ErrorType, message), the
 * way Lambda's REST-JSON protocol does; for the faults moto cannot produce (AccessDenied, throttling, 413).
 */
final class FakeLambdaEndpoint implements AutoCloseable {

    private final HttpServer server;
    final AtomicInteger requests = new AtomicInteger();

    FakeLambdaEndpoint(int status, String errorType, String message) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            try (ex) {
                ex.getRequestBody().readAllBytes();
                byte[] body = ("{\"Type\":\"User\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
                ex.getResponseHeaders().set("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
                ex.sendResponseHeaders(status, body.length);
                ex.getResponseBody().write(body);
            }
        });
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
