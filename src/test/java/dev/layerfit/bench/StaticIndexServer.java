package dev.layerfit.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves folders (e.g. the local PyPI index, {@code /opt/pypi} holding {@code simple/} and {@code files/}) over HTTP on
 * 127.0.0.1 with single-range support ({@code bytes=a-b}, {@code bytes=a-}, {@code bytes=-n}; RFC 9110 §14), for
 * benchmarks: folder N is served under {@code /N/}, a folder request answers its {@code index.html}. Prints the base
 * URL on the first line of stdout and the bytes sent so far on each line read from stdin; ends at end of input.
 * {@code --latency-ms N} delays every answer by N ms and {@code --mbps M} paces bodies on one shared link of M megabits per second, to
 * model a real network's round trip and bandwidth.
 *
 * <pre>java -cp target/test-classes:target/classes dev.layerfit.bench.StaticIndexServer [--latency-ms 20] [--mbps 200] /opt/pypi /opt/pypi-more</pre>
 */
public final class StaticIndexServer {

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    private final List<Path> roots;
    private final long latencyMs;
    private final double megabitsPerSecond;
    private final AtomicLong bytesSent = new AtomicLong();

    private StaticIndexServer(List<Path> roots, long latencyMs, double megabitsPerSecond) {
        this.roots = roots;
        this.latencyMs = latencyMs;
        this.megabitsPerSecond = megabitsPerSecond;
    }

    public static void main(String[] args) throws IOException {
        long latency = 0;
        double mbps = 0;
        List<Path> roots = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--latency-ms" -> latency = Long.parseLong(args[++i]);
                case "--mbps" -> mbps = Double.parseDouble(args[++i]);
                default -> roots.add(Path.of(args[i]));
            }
        }
        StaticIndexServer handler = new StaticIndexServer(roots, latency, mbps);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", handler::handle);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
        System.out.println("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        System.out.flush();
        InputStream in = System.in;
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                System.out.println(handler.bytesSent.get());
                System.out.flush();
            }
        }
        server.stop(0);
        System.exit(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            pause(latencyMs);
            Path file = resolve(ex.getRequestURI().getPath());
            if (file == null) {
                ex.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            long from = 0;
            long to = size - 1;
            int status = 200;
            String range = ex.getRequestHeaders().getFirst("Range");
            Matcher m = range == null ? null : RANGE.matcher(range.trim());
            if (m != null && m.matches() && !(m.group(1).isEmpty() && m.group(2).isEmpty())) {
                if (m.group(1).isEmpty()) {
                    from = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    from = Long.parseLong(m.group(1));
                    to = m.group(2).isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(m.group(2)));
                }
                if (from > to) {
                    ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    ex.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
            }
            ex.getResponseHeaders().set("Accept-Ranges", "bytes");
            ex.getResponseHeaders().set("Content-Type", file.getFileName().toString().endsWith(".html") ? "text/html" : "application/octet-stream");
            long length = to - from + 1;
            if (ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Content-Length", Long.toString(length));
                ex.sendResponseHeaders(status, -1);
                return;
            }
            ex.sendResponseHeaders(status, length);
            try (FileChannel ch = FileChannel.open(file); OutputStream out = ex.getResponseBody()) {
                var sink = Channels.newChannel(out);
                long chunk = megabitsPerSecond > 0 ? 64 * 1024 : length;
                for (long done = 0; done < length; ) {
                    long n = ch.transferTo(from + done, Math.min(chunk, length - done), sink);
                    done += n;
                    if (megabitsPerSecond > 0) {
                        pause(reserveLink(n));
                    }
                }
            }
            bytesSent.addAndGet(length);
        }
    }

    private long linkFreeAtNanos;

    /** One shared link: reserves the time {@code bytes} take on it after what is already queued; returns the wait in ms. */
    private synchronized long reserveLink(long bytes) {
        long now = System.nanoTime();
        linkFreeAtNanos = Math.max(linkFreeAtNanos, now) + (long) (bytes * 8 * 1000 / megabitsPerSecond);
        return (linkFreeAtNanos - now) / 1_000_000;
    }

    private static void pause(long ms) {
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Path resolve(String path) {
        String[] parts = path.split("/", 3);
        if (parts.length < 2 || !parts[1].matches("\\d+") || Integer.parseInt(parts[1]) >= roots.size()) {
            return null;
        }
        Path root = roots.get(Integer.parseInt(parts[1])).toAbsolutePath().normalize();
        Path p = root.resolve(parts.length == 3 ? parts[2] : "").normalize();
        if (!p.startsWith(root)) {
            return null;
        }
        if (Files.isDirectory(p)) {
            p = p.resolve("index.html");
        }
        return Files.isRegularFile(p) ? p : null;
    }
}
