package dev.layerfit.hostile;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Loopback servers that misbehave, one port per behaviour: index pages with hostile links, servers that never
 * answer, stall after their headers, trickle, rate-limit for an hour, send without end, and a Lambda endpoint whose
 * presigned layer URL ignores Range. Every handler stops when the client goes away.
 */
final class HostileServer implements AutoCloseable {

    /** What a server does with every request. */
    @FunctionalInterface
    interface Behaviour {
        void handle(HttpExchange ex, HostileServer all) throws Exception;
    }

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final byte[] wheel;
    private final String wheelName;

    HostileServer(String wheelName, byte[] wheel) throws IOException {
        this.wheelName = wheelName;
        this.wheel = wheel;
    }

    /** Starts a server for {@code name}; returns its base URL (no trailing slash). */
    String start(String name, Behaviour b) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.createContext("/", ex -> {
            try (ex) {
                b.handle(ex, this);
            } catch (IOException e) {
                // the client gave up: what a misbehaving server wants
            } catch (Exception e) {
                // a handler interrupted at shutdown
            }
        });
        s.setExecutor(pool);
        s.start();
        servers.put(name, s);
        return url(name);
    }

    String url(String name) {
        return "http://127.0.0.1:" + servers.get(name).getAddress().getPort();
    }

    byte[] wheel() {
        return wheel;
    }

    String wheelName() {
        return wheelName;
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getRequestBody().readAllBytes();
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Never answers: the connection stays open without a status line. */
    static void never(HttpExchange ex) throws InterruptedException {
        Thread.sleep(120_000);
    }

    /** Sends headers for a large body, then nothing. */
    static void stall(HttpExchange ex) throws Exception {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0);
        ex.getResponseBody().write("<html>".getBytes(StandardCharsets.US_ASCII));
        ex.getResponseBody().flush();
        Thread.sleep(120_000);
    }

    /** One byte every 200 ms, for ever. */
    static void trickle(HttpExchange ex) throws Exception {
        ex.getResponseHeaders().set("Content-Type", "text/html");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (int i = 0; i < 600; i++) {
            out.write(' ');
            out.flush();
            Thread.sleep(200);
        }
    }

    /** Bytes without end, as fast as the client reads (chunked). */
    static void endless(HttpExchange ex, String type, byte[] chunk) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        for (long sent = 0; sent < (8L << 30); sent += chunk.length) {
            out.write(chunk);
        }
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
        pool.shutdownNow();
    }
}
