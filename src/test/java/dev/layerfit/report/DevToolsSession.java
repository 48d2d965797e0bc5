package dev.layerfit.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A headless Chromium driven over the Chrome DevTools Protocol (JSON messages on a WebSocket, with
 * {@code java.net.http.WebSocket}); one page target attached in flat mode. Test support only.
 */
final class DevToolsSession implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 60;

    private final Process browser;
    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> browserLog = new ArrayList<>();
    private String sessionId;

    private DevToolsSession(Process browser, String wsUrl) throws Exception {
        this.browser = browser;
        this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(wsUrl), new Listener()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Starts Chromium with every network path closed and opens one blank page. */
    static DevToolsSession start(String chromium, Path profile, int width, int height) throws Exception {
        List<String> cmd = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--disable-default-apps", "--mute-audio",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--proxy-server=127.0.0.1:9",
                "--user-data-dir=" + profile, "--window-size=" + width + "," + height,
                "--remote-debugging-port=0", "about:blank");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("TMPDIR", profile.toAbsolutePath().getParent().toString()); // its scratch files go too
        Process p = pb.start();
        BufferedReader err = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
        String ws = null;
        List<String> seen = new ArrayList<>();
        for (String line; ws == null && (line = err.readLine()) != null; ) {
            seen.add(line);
            int at = line.indexOf("ws://");
            if (line.startsWith("DevTools listening on") && at >= 0) {
                ws = line.substring(at).strip();
            }
        }
        if (ws == null) {
            p.destroyForcibly();
            throw new IllegalStateException("chromium did not open a DevTools port: " + String.join("\n", seen));
        }
        Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        DevToolsSession s = new DevToolsSession(p, ws);
        String target = s.send("Target.createTarget", obj().put("url", "about:blank")).get("targetId").asText();
        s.sessionId = s.send("Target.attachToTarget", obj().put("targetId", target).put("flatten", true))
                .get("sessionId").asText();
        s.sendOnPage("Emulation.setDeviceMetricsOverride", obj().put("width", width).put("height", height)
                .put("deviceScaleFactor", 1).put("mobile", false));
        return s;
    }

    static ObjectNode obj() {
        return JSON.createObjectNode();
    }

    /** A command to the browser target. */
    JsonNode send(String method, ObjectNode params) throws Exception {
        return call(method, params, null);
    }

    /** A command to the attached page. */
    JsonNode sendOnPage(String method, ObjectNode params) throws Exception {
        return call(method, params, sessionId);
    }

    private JsonNode call(String method, ObjectNode params, String session) throws Exception {
        int id = ids.incrementAndGet();
        ObjectNode msg = obj().put("id", id).put("method", method);
        msg.set("params", params);
        if (session != null) {
            msg.put("sessionId", session);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (socket) {
            socket.sendText(JSON.writeValueAsString(msg), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        JsonNode r = reply.get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(method + " failed: " + r.get("error"));
        }
        return r.get("result");
    }

    /** Evaluates {@code expression} in the page and returns its value (JSON-serialisable results only). */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode r = sendOnPage("Runtime.evaluate", obj().put("expression", expression).put("returnByValue", true)
                .put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + r.get("exceptionDetails"));
        }
        return r.get("result").get("value");
    }

    /** Waits for the first event (seen already or to come) that matches. */
    JsonNode awaitEvent(String method) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        synchronized (events) {
            while (true) {
                for (JsonNode e : events) {
                    if (e.path("method").asText().equals(method)) {
                        return e;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("no " + method + " event within " + WAIT_SECONDS + " s");
                }
                events.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
        }
    }

    /** Every event received so far that matches. */
    List<JsonNode> events(Predicate<JsonNode> filter) {
        synchronized (events) {
            return events.stream().filter(filter).toList();
        }
    }

    /** A real left click at a point of the viewport: move, press, release. */
    void click(double x, double y) throws Exception {
        sendOnPage("Input.dispatchMouseEvent", obj().put("type", "mouseMoved").put("x", x).put("y", y));
        sendOnPage("Input.dispatchMouseEvent", obj().put("type", "mousePressed").put("x", x).put("y", y)
                .put("button", "left").put("clickCount", 1));
        sendOnPage("Input.dispatchMouseEvent", obj().put("type", "mouseReleased").put("x", x).put("y", y)
                .put("button", "left").put("clickCount", 1));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // the browser is ended below anyway
        }
        // Chromium's helper processes (zygote, renderers, crashpad) can outlive the main one for a moment and
        // keep writing into the profile: end them all and wait, so the profile folder can be deleted.
        List<ProcessHandle> helpers = browser.descendants().toList();
        browser.destroy();
        try {
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
                browser.waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle h : helpers) {
                h.destroy();
            }
            for (ProcessHandle h : helpers) {
                try {
                    h.onExit().get(10, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                    h.destroyForcibly();
                }
            }
        } catch (InterruptedException e) {
            browser.destroyForcibly();
            helpers.forEach(ProcessHandle::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode msg = JSON.readTree(text);
                    if (msg.has("id")) {
                        CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
                        if (f != null) {
                            f.complete(msg);
                        }
                    } else {
                        synchronized (events) {
                            events.add(msg);
                            events.notifyAll();
                        }
                    }
                } catch (IOException e) {
                    browserLog.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }
    }
}
