package dev.layerfit.python.index;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * A simple index on 127.0.0.1 serving real wheels, in the variants the client must handle: HTML or PEP 691 JSON
 * (or negotiated by Accept), PEP 658 metadata files, Range support on or off, Basic auth, leading 500 answers,
 * garbage pages, ETags. Every request is logged.
 */
final class TestIndexServer implements AutoCloseable {

    enum Format { HTML, JSON, NEGOTIATE, GARBAGE_TEXT, GARBAGE_JSON }

    /** Variant settings; mutable so a test can flip them between requests. */
    static final class Settings {
        Format format = Format.HTML;
        boolean pep658;
        boolean ranges = true;
        String user;
        String password;
        int failuresFirst;
        boolean wrongWheelHash;
        boolean wrongMetadataHash;
        boolean etags = true;
    }

    record Logged(String method, String path, String range, String accept, int status, long bodyBytes) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    final Settings settings;
    private final HttpServer server;
    private final Map<String, Map<String, byte[]>> projects = new TreeMap<>();
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, byte[]> metadata = new LinkedHashMap<>();
    final List<Logged> log = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresLeft = new AtomicInteger();

    private TestIndexServer(Settings settings, List<Path> wheels) throws IOException {
        this.settings = settings;
        for (Path wheel : wheels) {
            String name = wheel.getFileName().toString();
            byte[] bytes = Files.readAllBytes(wheel);
            String project = FindLinksSource.projectOf(name);
            projects.computeIfAbsent(project, p -> new LinkedHashMap<>()).put(name, bytes);
            files.put(name, bytes);
            metadata.put(name, metadataOf(wheel));
        }
        failuresLeft.set(settings.failuresFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        server.start();
    }

    static TestIndexServer start(Settings settings, List<Path> wheels) throws IOException {
        return new TestIndexServer(settings, wheels);
    }

    /** The METADATA file of a wheel, read with the JDK's own zip reader (independent of layerfit's). */
    static byte[] metadataOf(Path wheel) throws IOException {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().matches("[^/]+\\.dist-info/METADATA")).findFirst().orElseThrow();
            return zip.getInputStream(entry).readAllBytes();
        }
    }

    URI simpleUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/simple/");
    }

    URI simpleUrlWithCredentials(String user, String password) {
        return URI.create("http://" + user + ":" + password + "@127.0.0.1:" + server.getAddress().getPort() + "/simple/");
    }

    List<Logged> requestsFor(String pathPart) {
        synchronized (log) {
            return log.stream().filter(l -> l.path().contains(pathPart)).toList();
        }
    }

    void resetFailures(int n) {
        failuresLeft.set(n);
    }

    private static String sha256(byte[] b) {
        return HexFormat.of().formatHex(IndexCache.digest().digest(b));
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String range = ex.getRequestHeaders().getFirst("Range");
            String accept = ex.getRequestHeaders().getFirst("Accept");
            Answer a = answer(ex, path, range, accept);
            log.add(new Logged(ex.getRequestMethod(), path, range, accept, a.status, a.body.length));
            a.headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(a.status, a.body.length == 0 ? -1 : a.body.length);
            if (a.body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(a.body);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static final class Answer {
        int status;
        byte[] body;
        Map<String, String> headers = new LinkedHashMap<>();

        Answer(int status, byte[] body, String contentType) {
            this.status = status;
            this.body = body;
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
        }
    }

    private Answer answer(HttpExchange ex, String path, String range, String accept) {
        if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new Answer(500, "boom".getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        if (settings.user != null) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((settings.user + ":" + settings.password)
                    .getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                Answer a = new Answer(401, new byte[0], null);
                a.headers.put("WWW-Authenticate", "Basic realm=\"test\"");
                return a;
            }
        }
        if (path.equals("/simple/")) {
            return page(rootHtml(), rootJson(), accept, null);
        }
        if (path.startsWith("/simple/")) {
            String project = path.substring(8).replaceAll("/$", "");
            Map<String, byte[]> wheels = projects.get(project);
            if (wheels == null) {
                return new Answer(404, "not found".getBytes(StandardCharsets.UTF_8), "text/plain");
            }
            Answer a = page(projectHtml(project, wheels), projectJson(project, wheels), accept, project);
            if (settings.etags) {
                String etag = "\"" + sha256(a.body).substring(0, 16) + "\"";
                a.headers.put("ETag", etag);
                if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
                    return new Answer(304, new byte[0], null);
                }
            }
            return a;
        }
        if (path.startsWith("/files/")) {
            String name = path.substring(7);
            if (name.endsWith(".metadata") && settings.pep658) {
                byte[] m = metadata.get(name.substring(0, name.length() - 9));
                return m == null ? new Answer(404, new byte[0], null) : new Answer(200, m, "application/octet-stream");
            }
            byte[] body = files.get(name);
            if (body == null) {
                return new Answer(404, new byte[0], null);
            }
            if (range != null && settings.ranges) {
                Matcher m = RANGE.matcher(range);
                if (m.matches()) {
                    long from;
                    long to;
                    if (m.group(1).isEmpty()) {
                        from = Math.max(0, body.length - Long.parseLong(m.group(2)));
                        to = body.length - 1;
                    } else {
                        from = Long.parseLong(m.group(1));
                        to = m.group(2).isEmpty() ? body.length - 1 : Math.min(body.length - 1, Long.parseLong(m.group(2)));
                    }
                    byte[] part = java.util.Arrays.copyOfRange(body, (int) from, (int) to + 1);
                    Answer a = new Answer(206, part, "application/octet-stream");
                    a.headers.put("Content-Range", "bytes " + from + "-" + to + "/" + body.length);
                    return a;
                }
            }
            return new Answer(200, body, "application/octet-stream");
        }
        return new Answer(404, new byte[0], null);
    }

    private Answer page(String html, String json, String accept, String project) {
        return switch (settings.format) {
            case HTML -> new Answer(200, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
            case JSON -> new Answer(200, json.getBytes(StandardCharsets.UTF_8), SimplePageParser.JSON_TYPE);
            case NEGOTIATE -> accept != null && accept.startsWith(SimplePageParser.JSON_TYPE)
                    ? new Answer(200, json.getBytes(StandardCharsets.UTF_8), SimplePageParser.JSON_TYPE)
                    : new Answer(200, html.getBytes(StandardCharsets.UTF_8), "text/html");
            case GARBAGE_TEXT -> new Answer(200, "Service temporarily replaced by a cat".getBytes(StandardCharsets.UTF_8), "text/plain");
            case GARBAGE_JSON -> new Answer(200, "{\"meta\": {\"api-version\": \"1.0\"}, \"name\": \"x\"}".getBytes(StandardCharsets.UTF_8),
                    SimplePageParser.JSON_TYPE);
        };
    }

    private String fileHash(String name, byte[] body) {
        return settings.wrongWheelHash ? sha256(("not " + name).getBytes(StandardCharsets.UTF_8)) : sha256(body);
    }

    private String metadataHash(String name) {
        return settings.wrongMetadataHash ? sha256(new byte[] {1}) : sha256(metadata.get(name));
    }

    private String rootHtml() {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><body>\n");
        projects.keySet().forEach(p -> sb.append("<a href=\"/simple/").append(p).append("/\">").append(p).append("</a>\n"));
        return sb.append("</body></html>").toString();
    }

    private String rootJson() {
        StringBuilder sb = new StringBuilder("{\"meta\":{\"api-version\":\"1.0\"},\"projects\":[");
        String sep = "";
        for (String p : projects.keySet()) {
            sb.append(sep).append("{\"name\":\"").append(p).append("\"}");
            sep = ",";
        }
        return sb.append("]}").toString();
    }

    private String projectHtml(String project, Map<String, byte[]> wheels) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><head><title>Links for " + project + "</title></head><body>\n");
        wheels.forEach((name, body) -> {
            sb.append("<a href=\"../../files/").append(name).append("#sha256=").append(fileHash(name, body)).append('"');
            sb.append(" data-requires-python=\"&gt;=3.7\"");
            if (settings.pep658) {
                sb.append(" data-core-metadata=\"sha256=").append(metadataHash(name)).append('"');
            }
            sb.append('>').append(name).append("</a><br/>\n");
        });
        return sb.append("</body></html>").toString();
    }

    private String projectJson(String project, Map<String, byte[]> wheels) {
        StringBuilder sb = new StringBuilder("{\"meta\":{\"api-version\":\"1.1\"},\"name\":\"" + project + "\",\"files\":[");
        String sep = "";
        for (Map.Entry<String, byte[]> e : wheels.entrySet()) {
            sb.append(sep).append("{\"filename\":\"").append(e.getKey()).append("\",\"url\":\"/files/").append(e.getKey())
                    .append("\",\"hashes\":{\"sha256\":\"").append(fileHash(e.getKey(), e.getValue()))
                    .append("\"},\"requires-python\":\">=3.7\",\"yanked\":false");
            if (settings.pep658) {
                sb.append(",\"core-metadata\":{\"sha256\":\"").append(metadataHash(e.getKey())).append("\"}");
            }
            sb.append('}');
            sep = ",";
        }
        return sb.append("]}").toString();
    }

    /** Stops the server and returns it, so its URL points at a closed port. */
    TestIndexServer closedForTest() {
        close();
        return this;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
