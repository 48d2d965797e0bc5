package dev.layerfit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.layerfit.error.ExceptionWords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The hostile-input suite: several hundred cases across every command, inputs made at test time (zips, wheels, index
 * pages, configs, FIFOs, device copies, symlinks, read-only files) and loopback servers that misbehave. The CLI runs
 * in child JVMs with {@code -Xmx256m} (many cases per JVM, batches in parallel). For every case it asserts: the exit
 * code; one {@code layerfit: } line without a Java class name or stack trace; the time taken; that no input changed
 * and nothing was written outside the case's cache and named outputs; that no secret appears in any output or file.
 */
class HostileInputSuiteTest {

    static final String SECRET_PASSWORD = "s3cr3tPASSw0rd";
    static final String SECRET_TOKEN = "tok3nSECRETvalue";
    static final String AWS_SECRET = "hostileAWSsecretKEY0123456789";
    static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:deps:3";

    private final ObjectMapper json = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> hostileInputs() throws Exception {
        Path root = Path.of("target", "hostile-" + ProcessHandle.current().pid()).toAbsolutePath();
        deleteTree(root);
        Files.createDirectories(root);
        try (HostileServer servers = new HostileServer(HostileFiles.WHEEL_NAME, HostileFiles.wheel())) {
            HostileCatalogue catalogue = new HostileCatalogue(root.resolve("cases"), servers);
            List<HostileCase> cases = catalogue.all();
            assertThat(cases).hasSizeGreaterThanOrEqualTo(300);
            Map<String, Map<String, String>> before = new HashMap<>();
            for (HostileCase c : cases) {
                before.put(c.id, snapshot(c.dir));
            }
            Map<String, JsonNode> results = runBatches(root, cases);
            List<DynamicTest> tests = new ArrayList<>();
            for (HostileCase c : cases) {
                JsonNode r = results.get(c.id);
                Map<String, String> after = snapshot(c.dir);
                tests.add(DynamicTest.dynamicTest(c.id + " " + String.join(" ", shortArgs(c)), () -> check(c, r, before.get(c.id), after)));
            }
            return tests.stream();
        }
    }

    private static List<String> shortArgs(HostileCase c) {
        return c.args.stream().map(a -> a.replace(c.dir.toString(), ".")).map(a -> a.length() > 60 ? a.substring(0, 60) + "…" : a).toList();
    }

    private void check(HostileCase c, JsonNode r, Map<String, String> before, Map<String, String> after) throws IOException {
        assertThat(r).as("the case ran (an earlier case of its batch may have hung)").isNotNull();
        String out = r.path("out").asText();
        String err = r.path("err").asText();
        String all = out + "\n" + err;
        assertThat(r.path("hung").asBoolean(false)).as("hung: " + err).isFalse();
        assertThat(r.path("exit").asInt()).as("exit code; stderr: " + err).isIn(c.exits);
        assertThat(r.path("millis").asLong()).as("time taken").isLessThanOrEqualTo(c.maxMillis);
        assertThat(all).as("a stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        assertThat(ExceptionWords.namesJavaClass(err)).as("a Java class name in: " + err).isFalse();
        assertThat(err).as("an out-of-memory escape").doesNotContain("memory available").doesNotContain("internal error")
                .doesNotContain("nested too deeply");
        if (r.path("exit").asInt() >= 2) {
            List<String> lines = err.lines().filter(l -> l.startsWith("layerfit: ") && !l.startsWith("layerfit: warning")
                    && !l.startsWith("layerfit: note")).toList();
            assertThat(lines).as("one layerfit: line saying what went wrong, in: " + err).isNotEmpty();
            assertThat(lines.get(lines.size() - 1).length()).as("a short message").isLessThanOrEqualTo(2_200);
            assertThat(err.length()).as("the whole error output").isLessThan(12_000);
        }
        assertThat(all).as("a raw control character from hostile data").doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(all.lines().filter(l -> l.startsWith("FITS: forged") || l.startsWith("FITS: 1 bytes unzipped, forged")))
                .as("a forged result line").isEmpty();
        if (c.mustSay != null) {
            assertThat(all).contains(c.mustSay);
        }
        for (String secret : List.of(SECRET_PASSWORD, SECRET_TOKEN, AWS_SECRET)) {
            assertThat(all).as("a secret in the output").doesNotContain(secret);
        }
        Map<String, String> changed = new TreeMap<>();
        for (Map.Entry<String, String> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                changed.put(e.getKey(), e.getValue());
            }
        }
        for (String gone : before.keySet()) {
            if (!after.containsKey(gone)) {
                changed.put(gone, "deleted");
            }
        }
        changed.keySet().removeIf(p -> c.outputs.stream().anyMatch(o -> p.equals(o) || p.startsWith(o + "/")));
        assertThat(changed).as("inputs changed or files written outside the cache and the named outputs").isEmpty();
        for (String o : c.outputs) {
            Path p = c.dir.resolve(o);
            if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) && Files.size(p) < (32 << 20)) {
                String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertThat(text).as("a secret in " + o).doesNotContain(SECRET_PASSWORD).doesNotContain(SECRET_TOKEN);
            }
        }
        Path cache = c.dir.resolve("cache");
        if (Files.isDirectory(cache)) {
            try (Stream<Path> walk = Files.walk(cache)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    assertThat(p.getFileName().toString()).as("a temporary file left in the cache").doesNotEndWith(".tmp")
                            .doesNotEndWith(".layerfit-tmp");
                    if (Files.size(p) < (8 << 20)) {
                        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                        assertThat(text).as("a secret in the cache file " + p).doesNotContain(SECRET_PASSWORD).doesNotContain(SECRET_TOKEN);
                    }
                }
            }
        }
        c.after.accept(c.dir);
    }

    /** Every path below {@code dir} but the cache, with its kind and (for files) content hash, read without following links. */
    static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> m = new TreeMap<>();
        if (!Files.exists(dir)) {
            return m;
        }
        Path cache = dir.resolve("cache");
        java.util.ArrayDeque<Path> todo = new java.util.ArrayDeque<>();
        todo.push(dir);
        while (!todo.isEmpty()) {
            Path d = todo.pop();
            try (Stream<Path> list = Files.list(d)) {
                for (Path p : list.toList()) {
                    if (p.equals(cache)) {
                        continue;
                    }
                    String rel = dir.relativize(p).toString();
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (a.isSymbolicLink()) {
                        m.put(rel, "link:" + Files.readSymbolicLink(p));
                    } else if (a.isDirectory()) {
                        m.put(rel, "dir");
                        todo.push(p);
                    } else if (a.isRegularFile()) {
                        m.put(rel, "file:" + (a.size() > (64 << 20) ? a.size() : HostileFiles.sha256Hex(Files.readAllBytes(p)))
                                + ":" + Files.getPosixFilePermissions(p));
                    } else {
                        m.put(rel, "other:" + Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS));
                    }
                }
            } catch (java.nio.file.AccessDeniedException e) {
                m.put(dir.relativize(d).toString() + "/*", "unreadable");
            }
        }
        return m;
    }

    private Map<String, JsonNode> runBatches(Path root, List<HostileCase> cases) throws Exception {
        Map<String, List<HostileCase>> batches = new LinkedHashMap<>();
        for (HostileCase c : cases) {
            batches.computeIfAbsent(c.batch, b -> new ArrayList<>()).add(c);
        }
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, Process> running = new LinkedHashMap<>();
        Map<String, Path> resultFiles = new HashMap<>();
        for (Map.Entry<String, List<HostileCase>> b : batches.entrySet()) {
            Path batchDir = root.resolve("batch-" + b.getKey());
            Files.createDirectories(batchDir.resolve("home"));
            Files.createDirectories(batchDir.resolve("tmp"));
            ArrayNode list = json.createArrayNode();
            for (HostileCase c : b.getValue()) {
                ObjectNode n = list.addObject();
                n.put("id", c.id);
                n.put("cache", c.dir.resolve("cache").toString());
                if (c.stdin != null) {
                    n.put("stdin", c.stdin);
                }
                ArrayNode a = n.putArray("args");
                c.args.forEach(a::add);
            }
            Path casesFile = batchDir.resolve("cases.json");
            Files.writeString(casesFile, json.writeValueAsString(list));
            Path results = batchDir.resolve("results.json");
            resultFiles.put(b.getKey(), results);
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-Djava.io.tmpdir=" + batchDir.resolve("tmp"), "-Duser.home=" + batchDir.resolve("home"),
                    "-cp", cp, HostileRunner.class.getName(), casesFile.toString(), results.toString());
            Map<String, String> env = pb.environment();
            String path = env.get("PATH");
            env.clear();
            env.put("PATH", path == null ? "/usr/bin:/bin" : path);
            env.put("HOME", batchDir.resolve("home").toString());
            env.put("PIP_CONFIG_FILE", "/dev/null");
            env.put("AWS_ACCESS_KEY_ID", "AKIAHOSTILETESTKEY01");
            env.put("AWS_SECRET_ACCESS_KEY", AWS_SECRET);
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_EC2_METADATA_DISABLED", "true");
            env.put("AWS_CONFIG_FILE", batchDir.resolve("home/aws-config").toString());
            env.put("AWS_SHARED_CREDENTIALS_FILE", batchDir.resolve("home/aws-credentials").toString());
            env.putAll(HostileCatalogue.batchEnvironment(b.getKey(), root.resolve("cases")));
            pb.redirectErrorStream(true).redirectOutput(batchDir.resolve("jvm.log").toFile());
            running.put(b.getKey(), pb.start());
        }
        Map<String, JsonNode> byId = new HashMap<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(280);
        for (Map.Entry<String, Process> p : running.entrySet()) {
            long left = Math.max(1, deadline - System.nanoTime());
            if (!p.getValue().waitFor(left, TimeUnit.NANOSECONDS)) {
                p.getValue().destroyForcibly();
            }
            Path results = resultFiles.get(p.getKey());
            if (Files.isRegularFile(results)) {
                for (JsonNode r : json.readTree(results.toFile())) {
                    byId.put(r.path("id").asText(), r);
                }
            }
            try (Stream<Path> tmp = Files.list(root.resolve("batch-" + p.getKey()).resolve("tmp"))) {
                assertThat(tmp.toList()).as("files left in the temporary folder by batch " + p.getKey()).isEmpty();
            }
        }
        return byId;
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                q.toFile().setWritable(true);
                Files.deleteIfExists(q);
            }
        }
    }
}
