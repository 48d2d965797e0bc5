package dev.layerfit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.hostile.HostileFiles.Entry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The hostile cases, generated: every kind of bad input crossed with every command that reads or writes it. */
final class HostileCatalogue {

    private static final String PY = "python3.12";
    static final String FUNCTION_ARN = "arn:aws:lambda:us-east-1:123456789012:function:fn";
    private final Path root;
    private final HostileServer servers;
    private final List<HostileCase> cases = new ArrayList<>();
    private final boolean devices;
    private final boolean fifos;
    private int n;

    HostileCatalogue(Path root, HostileServer servers) throws IOException {
        this.root = root;
        this.servers = servers;
        Files.createDirectories(root);
        Path probe = root.resolve("probe");
        this.fifos = HostileFiles.mkfifo(probe.resolveSibling("probe-fifo"));
        this.devices = HostileFiles.mknod(probe.resolveSibling("probe-null"), 1, 3);
        Files.deleteIfExists(probe.resolveSibling("probe-fifo"));
        Files.deleteIfExists(probe.resolveSibling("probe-null"));
    }

    /** Environment variables a batch's JVM gets (the GitHub batch's step summary is a FIFO). */
    static Map<String, String> batchEnvironment(String batch, Path casesRoot) {
        if (batch.equals("github")) {
            return Map.of("GITHUB_ACTIONS", "true", "GITHUB_STEP_SUMMARY", casesRoot.resolve("summary-fifo").toString());
        }
        return Map.of();
    }

    List<HostileCase> all() throws IOException {
        startServers();
        nonRegularInputs();
        outputs();
        requirements();
        archives();
        configs();
        listings();
        flags();
        index();
        aws();
        github();
        pythonInputs();
        frameworkInputs();
        deployed();
        return cases;
    }

    // ---- fixtures ------------------------------------------------------------------------------------------------

    /** A case folder with the standard fixtures: a requirement, a wheel folder, a layer zip, a Chalice project. */
    private HostileCase kase(String name) {
        String id = String.format("%03d-%s", ++n, name);
        Path dir = root.resolve(String.format("%03d", n));
        try {
            HostileFiles.write(dir.resolve("req.txt"), "hostile-demo==1.0\n");
            HostileFiles.write(dir.resolve("wheels").resolve(HostileFiles.WHEEL_NAME), servers.wheel());
            HostileFiles.write(dir.resolve("layer.zip"), servers.wheel());
            HostileFiles.write(dir.resolve("proj/app.py"), "from chalice import Chalice\napp = Chalice(app_name='demo')\n");
            HostileFiles.write(dir.resolve("proj/.chalice/config.json"), "{\"version\": \"2.0\", \"app_name\": \"demo\", "
                    + "\"layers\": [\"" + HostileInputSuiteTest.ARN + "\"], \"stages\": {\"dev\": {\"api_gateway_stage\": \"api\"}}}\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // local cases in two JVMs side by side (each case has its own folder and cache)
        HostileCase c = new HostileCase(id, dir).batch("local" + (n % 2));
        cases.add(c);
        return c;
    }

    private static String p(HostileCase c, String rel) {
        return c.dir.resolve(rel).toString();
    }

    /** The offline index flags: the case's wheel folder only. */
    private static String[] offline(HostileCase c) {
        return new String[] {"--no-index", "--find-links", p(c, "wheels"), "--runtime", PY};
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** Kinds of path that are not a readable regular file; each makes {@code rel} in the case folder. */
    private enum Bad { FIFO, DEV_ZERO, DEV_NULL, FOLDER, MISSING, DANGLING_LINK, LINK_LOOP }

    private boolean make(HostileCase c, String rel, Bad bad) {
        Path p = c.dir.resolve(rel);
        try {
            Files.createDirectories(p.getParent());
            Files.deleteIfExists(p);
            if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                HostileInputSuiteTest.deleteTree(p);
            }
            switch (bad) {
                case FIFO -> {
                    return fifos && HostileFiles.mkfifo(p);
                }
                case DEV_ZERO -> {
                    return devices && HostileFiles.mknod(p, 1, 5);
                }
                case DEV_NULL -> {
                    return devices && HostileFiles.mknod(p, 1, 3);
                }
                case FOLDER -> Files.createDirectories(p);
                case MISSING -> {
                }
                case DANGLING_LINK -> Files.createSymbolicLink(p, p.resolveSibling("nowhere-" + p.getFileName()));
                case LINK_LOOP -> {
                    Files.createSymbolicLink(p, p.resolveSibling(p.getFileName() + ".b"));
                    Files.createSymbolicLink(p.resolveSibling(p.getFileName() + ".b"), p);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 1. inputs that are FIFOs, devices, folders, missing, links ------------------------------------------------

    private void nonRegularInputs() {
        for (Bad bad : Bad.values()) {
            String b = bad.name().toLowerCase();
            slot("resolve-req-" + b, bad, "bad-req.txt", c -> concat(new String[] {"resolve", p(c, "bad-req.txt")}, offline(c)));
            slot("build-req-" + b, bad, "bad-req.txt", c -> concat(new String[] {"build", p(c, "bad-req.txt"), "-o", p(c, "out.zip")}, offline(c)));
            slot("plan-req-" + b, bad, "bad-req.txt", c -> concat(new String[] {"plan", p(c, "bad-req.txt")}, offline(c)));
            slot("merge-req-" + b, bad, "bad-req.txt", c -> new String[] {"merge", p(c, "req.txt"), p(c, "bad-req.txt"), "-o", p(c, "all.txt")});
            slot("dockerfile-req-" + b, bad, "bad-req.txt", c -> new String[] {"dockerfile", "--runtime", PY, p(c, "bad-req.txt")});
            slot("include-" + b, bad, "bad-req.txt", c -> {
                write(c, "inc.txt", "-r bad-req.txt\n");
                return concat(new String[] {"resolve", p(c, "inc.txt")}, offline(c));
            });
            slot("analyze-" + b, bad, "bad.zip", c -> new String[] {"analyze", p(c, "bad.zip")});
            slot("check-package-" + b, bad, "bad.zip", c -> new String[] {"check", p(c, "proj"), "--package", p(c, "bad.zip"),
                "--layer", HostileInputSuiteTest.ARN + "=" + p(c, "layer.zip")});
            slot("check-layer-" + b, bad, "bad.zip", c -> new String[] {"check", p(c, "proj"), "--layer",
                HostileInputSuiteTest.ARN + "=" + p(c, "bad.zip")});
            slot("check-config-" + b, bad, "proj/.chalice/config.json", c -> new String[] {"check", p(c, "proj"), "--layer",
                HostileInputSuiteTest.ARN + "=" + p(c, "layer.zip")});
            slot("publish-zip-" + b, bad, "bad.zip", c -> new String[] {"publish", p(c, "bad.zip"), "--name", "deps",
                "--endpoint-url", servers.url("aws-500"), "--timeout", "1"}).exits(2, 3);
            slot("publish-config-" + b, bad, "bad-config.json", c -> new String[] {"publish", p(c, "layer.zip"), "--name", "deps",
                "--update-config", p(c, "bad-config.json"), "--endpoint-url", servers.url("aws-500"), "--timeout", "1"});
        }
        HostileCase c = kase("explain-stdin-dev-zero");
        if (make(c, "zero", Bad.DEV_ZERO)) {
            c.args("explain", "-");
            c.stdin = p(c, "zero");
        } else {
            c.args("explain", "-");
            c.stdin = "/dev/zero";
        }
        HostileCase big = kase("explain-stdin-17mb");
        writeBytes(big, "big.txt", new byte[17 << 20]);
        big.args("explain", "-");
        big.stdin = p(big, "big.txt");
    }

    @FunctionalInterface
    private interface Args {
        String[] of(HostileCase c);
    }

    private HostileCase slot(String name, Bad bad, String rel, Args args) {
        HostileCase c = kase(name);
        if (!make(c, rel, bad)) {
            // no mknod/mkfifo here (not root, or a file system without them): a plain missing file instead
            make(c, rel, Bad.MISSING);
        }
        c.args(args.of(c)).exits(2);
        if (bad == Bad.FOLDER && rel.endsWith(".zip")) {
            c.exits(0, 1, 2); // a folder is a valid artifact (measured as the zip of its contents)
        }
        return c;
    }

    private static void write(HostileCase c, String rel, String text) {
        try {
            HostileFiles.write(c.dir.resolve(rel), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeBytes(HostileCase c, String rel, byte[] bytes) {
        try {
            HostileFiles.write(c.dir.resolve(rel), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 2. outputs that are inputs, devices, FIFOs, folders, links, read-only -------------------------------------

    private void outputs() {
        record Flag(String name, String[] head, String flag, boolean zipOut) {
        }
        List<Flag> flags = List.of(
                new Flag("build-o", new String[] {"build", "REQ"}, "-o", true),
                new Flag("resolve-o", new String[] {"resolve", "REQ"}, "-o", false),
                new Flag("merge-o", new String[] {"merge", "REQ"}, "-o", false),
                new Flag("check-markdown", new String[] {"check", "PROJ", "--layer", "LAYER"}, "--markdown", false),
                new Flag("check-html", new String[] {"check", "PROJ", "--layer", "LAYER"}, "--html", false),
                new Flag("analyze-html", new String[] {"analyze", "ZIP"}, "--html", false));
        for (Flag f : flags) {
            boolean index = f.name().startsWith("build") || f.name().startsWith("resolve");
            // the output is one of the inputs
            for (String input : inputsOf(f.name())) {
                HostileCase c = kase(f.name() + "-is-input-" + input.replace('/', '_'));
                c.args(args(c, f.head(), index)).args(f.flag(), p(c, input)).exits(2).says("inputs");
            }
            // the output is a device copy: written in place, and still a device afterwards
            HostileCase dev = kase(f.name() + "-dev-null");
            if (make(dev, "null", Bad.DEV_NULL)) {
                dev.args(args(dev, f.head(), index)).args(f.flag(), p(dev, "null")).exits(0, 1)
                        .after(d -> assertThat(Files.isRegularFile(d.resolve("null"))).as("the device was replaced").isFalse());
            } else {
                dev.args(args(dev, f.head(), index)).args(f.flag(), "/dev/null").exits(0, 1);
            }
            HostileCase fifo = kase(f.name() + "-fifo");
            make(fifo, "out-fifo", fifos ? Bad.FIFO : Bad.FOLDER);
            fifo.args(args(fifo, f.head(), index)).args(f.flag(), p(fifo, "out-fifo")).exits(2);
            HostileCase folder = kase(f.name() + "-folder");
            make(folder, "outdir", Bad.FOLDER);
            folder.args(args(folder, f.head(), index)).args(f.flag(), p(folder, "outdir")).exits(2);
            // a link to a file: the target is written, the link stays a link
            HostileCase link = kase(f.name() + "-link");
            write(link, "target.out", "old\n");
            symlink(link, "link.out", "target.out");
            link.args(args(link, f.head(), index)).args(f.flag(), p(link, "link.out")).exits(0, 1).output("target.out")
                    .after(d -> {
                        assertThat(Files.isSymbolicLink(d.resolve("link.out"))).as("the link was replaced").isTrue();
                        assertThat(read(d.resolve("target.out"))).as("the link's target was not written").isNotEqualTo("old\n");
                    });
            HostileCase dangling = kase(f.name() + "-dangling-link");
            symlink(dangling, "link.out", "new-target.out");
            dangling.args(args(dangling, f.head(), index)).args(f.flag(), p(dangling, "link.out")).exits(0, 1).output("new-target.out")
                    .after(d -> assertThat(Files.isSymbolicLink(d.resolve("link.out"))).isTrue());
            HostileCase loop = kase(f.name() + "-link-loop");
            make(loop, "loop.out", Bad.LINK_LOOP);
            loop.args(args(loop, f.head(), index)).args(f.flag(), p(loop, "loop.out")).exits(2);
            HostileCase linkToInput = kase(f.name() + "-link-to-input");
            String in = inputsOf(f.name()).get(0);
            symlink(linkToInput, "sneaky.out", in);
            linkToInput.args(args(linkToInput, f.head(), index)).args(f.flag(), p(linkToInput, "sneaky.out")).exits(2);
            HostileCase ro = kase(f.name() + "-read-only-folder");
            try {
                Files.createDirectories(ro.dir.resolve("ro"));
                Files.setPosixFilePermissions(ro.dir.resolve("ro"), PosixFilePermissions.fromString("r-xr-xr-x"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // root ignores permissions: then the write succeeds, which is also safe
            ro.args(args(ro, f.head(), index)).args(f.flag(), p(ro, "ro/out")).exits(0, 1, 2).output("ro/out");
            HostileCase fresh = kase(f.name() + "-new-folder");
            fresh.args(args(fresh, f.head(), index)).args(f.flag(), p(fresh, "new/sub/out")).exits(0, 1).output("new");
        }
    }

    private static List<String> inputsOf(String flag) {
        return switch (flag) {
            case "build-o", "resolve-o" -> List.of("req.txt", "wheels/" + HostileFiles.WHEEL_NAME);
            case "merge-o" -> List.of("req.txt");
            case "check-markdown", "check-html" -> List.of("proj/.chalice/config.json", "proj/app.py", "layer.zip");
            default -> List.of("layer.zip");
        };
    }

    private static String[] args(HostileCase c, String[] head, boolean index) {
        List<String> a = new ArrayList<>();
        for (String h : head) {
            a.add(switch (h) {
                case "REQ" -> p(c, "req.txt");
                case "PROJ" -> p(c, "proj");
                case "LAYER" -> HostileInputSuiteTest.ARN + "=" + p(c, "layer.zip");
                case "ZIP" -> p(c, "layer.zip");
                default -> h;
            });
        }
        String[] r = a.toArray(String[]::new);
        return index ? concat(r, offline(c)) : r;
    }

    private static void symlink(HostileCase c, String link, String target) {
        try {
            Files.createSymbolicLink(c.dir.resolve(link), Path.of(target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }

    // ---- 3. requirements files ---------------------------------------------------------------------------------------

    private void requirements() {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("md5-hash", "hostile-demo==1.0 --hash=md5:0123456789abcdef0123456789abcdef\n");
        texts.put("sha1-hash", "hostile-demo==1.0 --hash=sha1:0123456789abcdef0123456789abcdef01234567\n");
        texts.put("short-sha256", "hostile-demo==1.0 --hash=sha256:0123\n");
        texts.put("arbitrary-empty", "tiny===\n");
        texts.put("5mb-line", "hostile-demo" + "x".repeat(5 << 20) + "\n");
        texts.put("10000-part-version", "hostile-demo==" + "1.".repeat(9999) + "1\n");
        texts.put("deep-marker", "hostile-demo; " + "(".repeat(3000) + "python_version > '3'" + ")".repeat(3000) + "\n");
        texts.put("control-chars", "hostile\u001b[2J\u0007demo==1.0\n");
        texts.put("newline-forge", "hostile-demo==1.0 ; \rFITS: forged\n");
        texts.put("nul-bytes", "hostile\u0000demo==1.0\n");
        texts.put("bad-utf8", "hostile-demo==1.0 \u00ff\n");
        texts.put("file-url", "hostile-demo @ file:///etc/passwd\n");
        texts.put("local-path", "../../etc/passwd\n");
        texts.put("editable", "-e .\n");
        texts.put("index-url-creds-then-error", "--index-url https://user:" + HostileInputSuiteTest.SECRET_PASSWORD
                + "@127.0.0.1:9/simple\nhostile-demo==1.0 ===\n");
        texts.put("requirement-echo-creds", "hostile-demo @ https://user:" + HostileInputSuiteTest.SECRET_PASSWORD
                + "@127.0.0.1:9/x.whl ; bad marker ((\n");
        texts.put("many-extras", "hostile-demo[" + "a,".repeat(20000) + "b]==1.0\n");
        texts.put("unknown-option", "--frobnicate yes\n");
        texts.put("unbalanced-quote", "hostile-demo==1.0 --hash='sha256:\n");
        texts.put("bom", "\uFEFFhostile-demo==1.0 --hash=md5:00\n");
        for (Map.Entry<String, String> t : texts.entrySet()) {
            for (String cmd : List.of("resolve", "build", "plan", "merge", "dockerfile")) {
                HostileCase c = kase("req-" + t.getKey() + "-" + cmd);
                write(c, "bad-req.txt", t.getValue());
                switch (cmd) {
                    case "build" -> c.args("build", p(c, "bad-req.txt"), "-o", p(c, "out.zip")).args(offline(c));
                    case "merge" -> c.args("merge", p(c, "bad-req.txt"), p(c, "req.txt"), "-o", p(c, "all.txt"));
                    case "dockerfile" -> c.args("dockerfile", "--runtime", PY, p(c, "bad-req.txt"));
                    default -> c.args(cmd, p(c, "bad-req.txt")).args(offline(c));
                }
                c.exits(2);
                if (cmd.equals("merge") || cmd.equals("dockerfile")) {
                    // these two only copy lines: an unusual but well-formed line may pass through
                    c.exits(0, 2).output("all.txt");
                }
            }
        }
        // -r chains: 3000 deep, a cycle, a self-include
        HostileCase deep = kase("req-3000-deep-include-chain");
        for (int i = 0; i < 3000; i++) {
            write(deep, "chain/r" + i + ".txt", "-r r" + (i + 1) + ".txt\n");
        }
        write(deep, "chain/r3000.txt", "hostile-demo==1.0\n");
        deep.args("resolve", p(deep, "chain/r0.txt")).args(offline(deep)).exits(2);
        HostileCase cycle = kase("req-include-cycle");
        write(cycle, "a.txt", "-r b.txt\n");
        write(cycle, "b.txt", "-c a.txt\n-r a.txt\n");
        cycle.args("resolve", p(cycle, "a.txt")).args(offline(cycle)).exits(2);
    }

    // ---- 4. archives -------------------------------------------------------------------------------------------------

    private void archives() {
        Map<String, byte[]> zips = new java.util.LinkedHashMap<>();
        String di = "evil-1.0.dist-info/";
        for (String meta : List.of("RECORD", "METADATA", "top_level.txt")) {
            zips.put("claims-1.6gb-" + meta, HostileFiles.zip(List.of(Entry.of("python/x.py", "x"),
                    new Entry("python/" + di + meta, "a".getBytes(StandardCharsets.UTF_8), true, 1_600_000_000L))));
        }
        zips.put("claims-1.6gb-package-json", HostileFiles.zip(List.of(
                new Entry("nodejs/node_modules/evil/package.json", "{}".getBytes(StandardCharsets.UTF_8), true, 1_600_000_000L))));
        byte[] bomb = new byte[30 << 20];
        zips.put("bomb-record-30mb", HostileFiles.zip(List.of(new Entry("python/" + di + "RECORD", bomb, true, -1))));
        zips.put("newline-entry-name", HostileFiles.zip(List.of(Entry.of("python/a\nFITS: 1 bytes unzipped, forged.py", "x"))));
        zips.put("escape-entry-name", HostileFiles.zip(List.of(Entry.of("python/\u001b]0;pwned\u0007\u001b[2J.py", "x"))));
        zips.put("dotdot-entry-name", HostileFiles.zip(List.of(Entry.of("../../../../tmp/evil.py", "x"))));
        zips.put("absolute-entry-name", HostileFiles.zip(List.of(Entry.of("/etc/evil.py", "x"))));
        zips.put("duplicate-names", HostileFiles.zip(List.of(Entry.of("python/a.py", "x"), Entry.of("python/a.py", "yy"))));
        zips.put("not-a-zip", "this is not a zip".getBytes(StandardCharsets.UTF_8));
        zips.put("empty-file", new byte[0]);
        byte[] good = HostileFiles.wheel();
        zips.put("truncated", java.util.Arrays.copyOf(good, good.length / 2));
        byte[] flipped = good.clone();
        flipped[60] ^= 0x55;
        zips.put("flipped-byte", flipped);
        byte[] badOffset = good.clone();
        badOffset[badOffset.length - 6] = (byte) 0xff; // central directory offset beyond the file
        badOffset[badOffset.length - 5] = (byte) 0xff;
        zips.put("directory-offset-outside", badOffset);
        for (Map.Entry<String, byte[]> z : zips.entrySet()) {
            for (String cmd : List.of("analyze", "analyze-json", "check-layer", "check-package")) {
                HostileCase c = kase("zip-" + z.getKey() + "-" + cmd);
                writeBytes(c, "evil.zip", z.getValue());
                switch (cmd) {
                    case "analyze" -> c.args("analyze", p(c, "evil.zip"));
                    case "analyze-json" -> c.args("analyze", p(c, "evil.zip"), "--json");
                    case "check-layer" -> c.args("check", p(c, "proj"), "--layer", HostileInputSuiteTest.ARN + "=" + p(c, "evil.zip"));
                    default -> c.args("check", p(c, "proj"), "--package", p(c, "evil.zip"), "--layer",
                            HostileInputSuiteTest.ARN + "=" + p(c, "layer.zip"));
                }
                // some of these are valid zips with odd names: measured (0/1), or refused (2); never worse
                c.exits(0, 1, 2).after(d -> {
                    assertThat(Files.exists(Path.of("/tmp/evil.py"))).isFalse();
                });
                if (z.getKey().contains("1.6gb") || z.getKey().startsWith("bomb")) {
                    c.within(20_000);
                }
            }
        }
        HostileCase deep = kase("analyze-deep-folder");
        Path d = deep.dir.resolve("deep");
        StringBuilder rel = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            rel.append("d/");
        }
        try {
            Files.createDirectories(d.resolve(rel.toString()));
            Files.writeString(d.resolve(rel + "f.py"), "x");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deep.args("analyze", p(deep, "deep")).exits(0, 2);
    }

    // ---- 5. configs --------------------------------------------------------------------------------------------------

    private void configs() {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("not-json", "{ this is not json\n");
        texts.put("deep-nesting", "[".repeat(100_000) + "]".repeat(100_000));
        texts.put("huge-number", "{\"version\": 1" + "0".repeat(100_000) + ", \"app_name\": \"x\"}");
        texts.put("newline-app-name", "{\"version\":\"2.0\",\"app_name\":\"demo\\nFITS: forged\",\"layers\":[\"" + HostileInputSuiteTest.ARN
                + "\"],\"stages\":{\"dev\":{}}}");
        texts.put("escape-app-name", "{\"version\":\"2.0\",\"app_name\":\"\\u001b[2Jdemo\",\"layers\":[\"" + HostileInputSuiteTest.ARN
                + "\"],\"stages\":{\"dev\":{}}}");
        texts.put("layers-not-list", "{\"version\":\"2.0\",\"app_name\":\"demo\",\"layers\":42,\"stages\":{\"dev\":{}}}");
        texts.put("5mb-string", "{\"version\":\"2.0\",\"app_name\":\"" + "a".repeat(5 << 20) + "\",\"stages\":{\"dev\":{}}}");
        texts.put("bom", "\uFEFF{\"version\":\"2.0\",\"app_name\":\"demo\",\"layers\":[\"" + HostileInputSuiteTest.ARN
                + "\"],\"stages\":{\"dev\":{}}}");
        texts.put("stage-missing", "{\"version\":\"2.0\",\"app_name\":\"demo\",\"stages\":{\"prod\":{}}}");
        texts.put("null-bytes", "{\"version\":\"2.0\",\"app_name\":\"de\u0000mo\"}");
        for (Map.Entry<String, String> t : texts.entrySet()) {
            for (String mode : List.of("text", "json", "markdown")) {
                HostileCase c = kase("config-" + t.getKey() + "-" + mode);
                write(c, "proj/.chalice/config.json", t.getValue());
                c.args("check", p(c, "proj"), "--stage", "dev", "--layer", HostileInputSuiteTest.ARN + "=" + p(c, "layer.zip"));
                if (mode.equals("json")) {
                    c.args("--json");
                } else if (mode.equals("markdown")) {
                    c.args("--markdown", p(c, "report.md")).output("report.md");
                }
                c.exits(0, 1, 2);
                if (!mode.equals("json")) {
                    c.after(d -> assertThat(read(d.resolve("report.md"))).doesNotContain("\nFITS: forged"));
                }
            }
            HostileCase pub = kase("config-" + t.getKey() + "-publish-update-config");
            write(pub, "proj/.chalice/config.json", t.getValue());
            pub.args("publish", p(pub, "layer.zip"), "--name", "deps", "--update-config", p(pub, "proj/.chalice/config.json"),
                    "--endpoint-url", servers.url("aws-500"), "--timeout", "1").exits(2, 3);
        }
        // a read-only config and a config behind a link: checked before anything is published
        HostileCase ro = kase("publish-read-only-config");
        try {
            Files.setPosixFilePermissions(ro.dir.resolve("proj/.chalice/config.json"), PosixFilePermissions.fromString("r--r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ro.args("publish", p(ro, "layer.zip"), "--name", "deps", "--update-config", p(ro, "proj/.chalice/config.json"),
                "--endpoint-url", servers.url("aws-500"), "--timeout", "1").exits(2, 3);
    }

    // ---- 6. listings -------------------------------------------------------------------------------------------------

    private void listings() {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        texts.put("declares-100gb", "# layerfit listing v2\nf\t100000000000\t1\tpython/huge.bin\n");
        texts.put("declares-many-1gb", "# layerfit listing v2\n" + "f\t900000000\t1\tpython/a.bin\n".repeat(1)
                + "f\t900000000\t1\tpython/b.bin\n");
        texts.put("negative-size", "# layerfit listing v2\nf\t-5\t1\tpython/a.bin\n");
        texts.put("huge-number", "# layerfit listing v2\nf\t99999999999999999999999\t1\tpython/a.bin\n");
        texts.put("absolute-path", "# layerfit listing v2\nf\t1\t1\t/etc/passwd\n");
        texts.put("not-a-listing", "hello\n");
        texts.put("control-path", "# layerfit listing v2\nf\t1\t1\tpython/\u001b[2J.py\n");
        for (Map.Entry<String, String> t : texts.entrySet()) {
            for (String cmd : List.of("analyze", "check-layer")) {
                HostileCase c = kase("listing-" + t.getKey() + "-" + cmd);
                write(c, "evil.listing", t.getValue());
                if (cmd.equals("analyze")) {
                    c.args("analyze", p(c, "evil.listing"));
                } else {
                    c.args("check", p(c, "proj"), "--layer", HostileInputSuiteTest.ARN + "=" + p(c, "evil.listing"));
                }
                c.exits(0, 1, 2).within(30_000);
            }
        }
    }

    // ---- 7. flags ----------------------------------------------------------------------------------------------------

    private void flags() {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"explain", "Unzipped size must be smaller than 99999999999999999999999 bytes"});
        lines.add(new String[] {"explain", "Layers consume more than the available size of 18446744073709551616 bytes"});
        lines.add(new String[] {"explain", "Cannot reference more than 99999999999999999999 layers"});
        lines.add(new String[] {"explain", "x".repeat(100_000)});
        lines.add(new String[] {"layers", "list", "--region", ""});
        lines.add(new String[] {"layers", "list", "--region", "eu west 1"});
        lines.add(new String[] {"layers", "list", "--region", "../../etc"});
        lines.add(new String[] {"layers", "list", "--name", "../x"});
        lines.add(new String[] {"layers", "list", "--name", ""});
        lines.add(new String[] {"layers", "prune", "--name", "../x", "--keep", "1"});
        lines.add(new String[] {"layers", "prune", "--name", "deps", "--keep", "-1"});
        lines.add(new String[] {"layers", "prune", "--name", "deps", "--keep", "99999999999999999999"});
        lines.add(new String[] {"layers", "list", "--timeout", "abc"});
        lines.add(new String[] {"layers", "list", "--timeout", "0"});
        lines.add(new String[] {"layers", "list", "--endpoint-url", "not a url"});
        lines.add(new String[] {"analyze", "--top", "-5", "LAYER"});
        lines.add(new String[] {"analyze", "--top", "99999999999999999999", "LAYER"});
        lines.add(new String[] {"build", "REQ", "--runtime", PY, "--exclude", "[unclosed", "-o", "OUT"});
        lines.add(new String[] {"build", "REQ", "--runtime", PY, "--keep", "{a,b", "-o", "OUT"});
        lines.add(new String[] {"build", "REQ", "--runtime", "python9.9", "-o", "OUT"});
        lines.add(new String[] {"build", "REQ", "--runtime", PY, "--arch", "mips", "-o", "OUT"});
        lines.add(new String[] {"build", "REQ", "--runtime", PY, "--slim", "extreme", "-o", "OUT"});
        lines.add(new String[] {"resolve", "REQ", "--runtime", PY, "-i", "ftp://example.invalid/simple"});
        lines.add(new String[] {"resolve", "REQ", "--runtime", PY, "-i", ""});
        lines.add(new String[] {"resolve", "REQ", "--runtime", PY, "-i", "https://user:" + HostileInputSuiteTest.SECRET_PASSWORD + "@x@127.0.0.1:9/simple"});
        lines.add(new String[] {"resolve", "REQ", "--python-version", "3.99999999999999999999", "--glibc", "2.34"});
        lines.add(new String[] {"plan", "REQ", "--runtime", PY, "--max-layers", "-1"});
        lines.add(new String[] {"plan", "REQ", "--runtime", PY, "--max-layers", "99999999999999999999"});
        lines.add(new String[] {"publish", "LAYER", "--name", "../escape", "--endpoint-url", "AWS500"});
        lines.add(new String[] {"publish", "LAYER", "--name", "deps", "--runtime", "nodejs99", "--endpoint-url", "AWS500"});
        lines.add(new String[] {"publish", "LAYER", "--name", "deps", "--region", "us-east-1x", "--endpoint-url", "AWS500"});
        lines.add(new String[] {"publish", "LAYER", "--name", "deps", "--description", "d".repeat(300), "--endpoint-url", "AWS500"});
        lines.add(new String[] {"publish", "LAYER", "--name", "deps", "--arch", "sparc", "--endpoint-url", "AWS500"});
        lines.add(new String[] {"check", "PROJ", "--kind", "cobol"});
        lines.add(new String[] {"check", "PROJ", "--layer", "not-an-arn=LAYERPATH"});
        lines.add(new String[] {"check", "PROJ", "--stage", "\u001b[2Jnope"});
        lines.add(new String[] {"check", "arn:aws:lambda:us-east-1:123456789012:function:../../x"});
        lines.add(new String[] {"dockerfile", "--runtime", "python0.1"});
        lines.add(new String[] {"merge", "REQ", "-o", ""});
        lines.add(new String[] {"frobnicate"});
        for (String[] line : lines) {
            HostileCase c = kase("flag-" + String.join("_", line).replaceAll("[^A-Za-z0-9_.-]", "").substring(0,
                    Math.min(40, String.join("_", line).replaceAll("[^A-Za-z0-9_.-]", "").length())));
            for (String a : line) {
                c.args(switch (a) {
                    case "REQ" -> p(c, "req.txt");
                    case "LAYER" -> p(c, "layer.zip");
                    case "LAYERPATH" -> p(c, "layer.zip");
                    case "PROJ" -> p(c, "proj");
                    case "OUT" -> p(c, "out.zip");
                    case "AWS500" -> servers.url("aws-500");
                    default -> a.replace("LAYERPATH", p(c, "layer.zip"));
                });
            }
            // explain answers 0 (explained) or 2 (not an error it knows); every other line is refused before any work
            c.exits = line[0].equals("explain") ? java.util.Set.of(0, 2) : java.util.Set.of(2);
        }
    }

    // ---- 8. a loopback index that misbehaves ---------------------------------------------------------------------------

    private void startServers() throws IOException {
        startFunctionServers();
        String hash = HostileFiles.sha256Hex(servers.wheel());
        String good = HostileFiles.WHEEL_NAME;
        servers.start("never", (ex, s) -> HostileServer.never(ex));
        servers.start("stall", (ex, s) -> HostileServer.stall(ex));
        servers.start("trickle", (ex, s) -> HostileServer.trickle(ex));
        servers.start("429", (ex, s) -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            HostileServer.send(ex, 429, "text/plain", "slow down");
        });
        servers.start("500", (ex, s) -> HostileServer.send(ex, 500, "text/plain", "boom"));
        servers.start("endless", (ex, s) -> HostileServer.endless(ex, "text/html", "<a href='x'>".repeat(1000).getBytes(StandardCharsets.US_ASCII)));
        servers.start("not-html", (ex, s) -> HostileServer.send(ex, 200, "text/html", "plain words"));
        servers.start("json-bad", (ex, s) -> HostileServer.send(ex, 200, "application/vnd.pypi.simple.v1+json", "{\"files\": [}"));
        servers.start("json-deep", (ex, s) -> HostileServer.send(ex, 200, "application/vnd.pypi.simple.v1+json",
                "{\"files\":" + "[".repeat(200_000) + "]".repeat(200_000) + "}"));
        servers.start("json-no-files", (ex, s) -> HostileServer.send(ex, 200, "application/vnd.pypi.simple.v1+json", "{\"meta\":{}}"));
        servers.start("auth", (ex, s) -> {
            ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"x\"");
            HostileServer.send(ex, 401, "text/plain", "no");
        });
        servers.start("redirect-loop", (ex, s) -> {
            ex.getResponseHeaders().set("Location", ex.getRequestURI().toString());
            HostileServer.send(ex, 302, "text/plain", "");
        });
        servers.start("redirect-ftp", (ex, s) -> {
            ex.getResponseHeaders().set("Location", "ftp://127.0.0.1/x");
            HostileServer.send(ex, 302, "text/plain", "");
        });
        Map<String, String> anchors = new java.util.LinkedHashMap<>();
        anchors.put("hash-absolute", "<a href='/files/" + good + "#sha256=/abs/path'>" + good + "</a>");
        anchors.put("hash-dotdot", "<a href='/files/" + good + "#sha256=../../x'>" + good + "</a>");
        anchors.put("hash-short", "<a href='/files/" + good + "#sha256=abc'>" + good + "</a>");
        anchors.put("hash-65", "<a href='/files/" + good + "#sha256=" + hash + "0'>" + good + "</a>");
        anchors.put("hash-nonhex", "<a href='/files/" + good + "#sha256=" + "z".repeat(64) + "'>" + good + "</a>");
        anchors.put("hash-mismatch", "<a href='/files/" + good + "#sha256=" + "0".repeat(64) + "'>" + good + "</a>");
        anchors.put("name-slash", "<a href='/files/..%2F..%2F..%2Fescaped-1.0-py3-none-any.whl#sha256=" + hash + "'>x</a>");
        anchors.put("name-backslash", "<a href='/files/..%5C..%5Chostile_demo-1.0-py3-none-any.whl#sha256=" + hash + "'>x</a>");
        anchors.put("name-dotdot", "<a href='/files/%2E%2E#sha256=" + hash + "'>x</a>");
        anchors.put("name-control", "<a href='/files/hostile_demo-1.0-py3-none-any%0A.whl#sha256=" + hash + "'>x</a>");
        anchors.put("metadata-hash-bad", "<a href='/files/" + good + "#sha256=" + hash + "' data-core-metadata='sha256=../../m'>x</a>");
        anchors.put("metadata-endless", "<a href='/endless-files/" + good + "#sha256=" + hash + "' data-core-metadata='true'>x</a>");
        anchors.put("wheel-endless", "<a href='/endless-files/" + good + "'>x</a>");
        anchors.put("yank-control", "<a href='/files/" + good + "#sha256=" + hash + "' data-yanked='\u001b[2J\nFITS: forged'>x</a>");
        anchors.put("good", "<a href='/files/" + good + "#sha256=" + hash + "'>" + good + "</a>");
        for (Map.Entry<String, String> a : anchors.entrySet()) {
            String page = "<html><body>" + a.getValue() + "</body></html>";
            servers.start("page-" + a.getKey(), (ex, s) -> {
                String path = ex.getRequestURI().getRawPath();
                if (path.startsWith("/endless-files/")) {
                    HostileServer.endless(ex, "application/octet-stream", new byte[1 << 16]);
                } else if (path.startsWith("/files/")) {
                    HostileServer.send(ex, 200, "application/octet-stream", s.wheel());
                } else {
                    HostileServer.send(ex, 200, "text/html", page);
                }
            });
        }
        // AWS: the Lambda REST API misbehaving
        servers.start("aws-500", (ex, s) -> {
            ex.getResponseHeaders().set("x-amzn-ErrorType", "ServiceException");
            HostileServer.send(ex, 500, "application/json", "{\"message\":\"boom\"}");
        });
        servers.start("aws-never", (ex, s) -> HostileServer.never(ex));
        servers.start("aws-stall", (ex, s) -> HostileServer.stall(ex));
        servers.start("aws-429", (ex, s) -> {
            ex.getResponseHeaders().set("Retry-After", "3600");
            ex.getResponseHeaders().set("x-amzn-ErrorType", "TooManyRequestsException");
            HostileServer.send(ex, 429, "application/json", "{\"message\":\"Rate exceeded\",\"Reason\":\"CallerRateLimitExceeded\"}");
        });
        servers.start("aws-garbage", (ex, s) -> HostileServer.send(ex, 200, "application/json", "<html>not json"));
        servers.start("aws-endless", (ex, s) -> HostileServer.endless(ex, "application/json", "{\"Layers\":[".getBytes(StandardCharsets.US_ASCII)));
        servers.start("norange-zip", (ex, s) -> HostileServer.endless(ex, "application/zip", new byte[1 << 16]));
        servers.start("aws-norange", (ex, s) -> {
            String arn = "arn:aws:lambda:us-east-1:123456789012:layer:deps";
            String version = "{\"LayerVersionArn\":\"" + arn + ":3\",\"Version\":3,\"Description\":\"\","
                    + "\"CreatedDate\":\"2024-01-01T00:00:00.000+0000\",\"CompatibleRuntimes\":[\"python3.12\"],"
                    + "\"Content\":{\"Location\":\"" + s.url("norange-zip") + "/layer.zip?X-Amz-Signature=" + HostileInputSuiteTest.SECRET_TOKEN
                    + "\",\"CodeSha256\":\"abc\",\"CodeSize\":5000}}";
            String path = ex.getRequestURI().getPath();
            if (path.matches(".*/layers/?")) {
                HostileServer.send(ex, 200, "application/json", "{\"Layers\":[{\"LayerName\":\"deps\",\"LayerArn\":\"" + arn
                        + "\",\"LatestMatchingVersion\":" + version + "}]}");
            } else if (path.matches(".*/versions/?")) {
                HostileServer.send(ex, 200, "application/json", "{\"LayerVersions\":[" + version + "]}");
            } else {
                HostileServer.send(ex, 200, "application/json", version);
            }
        });
    }

    /** Lambda's REST API answering ListFunctions and GetFunction (a function whose code URL ignores Range). */
    private void startFunctionServers() throws IOException {
        servers.start("aws-fn-empty", (ex, s) -> HostileServer.send(ex, 200, "application/json", "{\"Functions\":[]}"));
        servers.start("aws-fn", (ex, s) -> {
            String config = "{\"FunctionName\":\"fn\\u001b[2J\\nFITS: forged\",\"FunctionArn\":\"" + FUNCTION_ARN + "\","
                    + "\"Runtime\":\"python3.12\",\"PackageType\":\"Zip\",\"CodeSha256\":\"abc\",\"CodeSize\":5000,"
                    + "\"Architectures\":[\"x86_64\"],\"Layers\":[]}";
            String path = ex.getRequestURI().getPath();
            if (path.matches(".*/functions/?")) {
                HostileServer.send(ex, 200, "application/json", "{\"Functions\":[" + config + "]}");
            } else {
                HostileServer.send(ex, 200, "application/json", "{\"Configuration\":" + config + ",\"Code\":{\"RepositoryType\":\"S3\","
                        + "\"Location\":\"" + s.url("norange-zip") + "/code.zip?X-Amz-Signature=" + HostileInputSuiteTest.SECRET_TOKEN + "\"}}");
            }
        });
    }

    private void index() {
        List<String> bad = List.of("never", "stall", "trickle", "429", "500", "endless", "not-html", "json-bad", "json-deep",
                "json-no-files", "auth", "redirect-loop", "redirect-ftp");
        List<String> pages = List.of("hash-absolute", "hash-dotdot", "hash-short", "hash-65", "hash-nonhex", "hash-mismatch",
                "name-slash", "name-backslash", "name-dotdot", "name-control", "metadata-hash-bad", "metadata-endless",
                "wheel-endless", "yank-control");
        int i = 0;
        for (String b : bad) {
            for (String cmd : List.of("resolve", "build", "plan")) {
                indexCase("index-" + b + "-" + cmd, servers.url(b) + "/simple", cmd, "net" + (i++ % 3)).exits(1, 2, 3);
            }
        }
        for (String pg : pages) {
            for (String cmd : List.of("resolve", "build", "plan")) {
                // a yanked pin is still installable (PEP 592), so that page may succeed; its reason must be escaped
                indexCase("page-" + pg + "-" + cmd, servers.url("page-" + pg) + "/simple", cmd, "net" + (i++ % 3))
                        .exits(pg.equals("yank-control") ? new Integer[] {0, 1, 2, 3} : new Integer[] {1, 2, 3})
                        .after(d -> {
                            assertThat(Files.exists(d.getParent().resolve("escaped-1.0-py3-none-any.whl"))).isFalse();
                            assertThat(Files.exists(d.resolve("escaped-1.0-py3-none-any.whl"))).isFalse();
                            assertThat(Files.exists(Path.of("/abs/path"))).isFalse();
                        });
            }
        }
        // credentials in index URLs never printed, whatever happens
        for (String cmd : List.of("resolve", "build", "plan")) {
            for (String base : List.of("auth", "500", "never", "page-good", "page-hash-mismatch")) {
                String host = servers.url(base).substring("http://".length());
                indexCase("creds-" + base + "-" + cmd, "http://user:" + HostileInputSuiteTest.SECRET_PASSWORD + "@" + host + "/simple",
                        cmd, "net" + (i++ % 3)).exits(0, 1, 2, 3);
                indexCase("token-" + base + "-" + cmd, "http://" + HostileInputSuiteTest.SECRET_TOKEN + "@" + host + "/simple",
                        cmd, "net" + (i++ % 3)).exits(0, 1, 2, 3);
            }
            HostileCase json = indexCase("creds-json-" + cmd, "http://user:" + HostileInputSuiteTest.SECRET_PASSWORD + "@"
                    + servers.url("page-good").substring(7) + "/simple", cmd, "net" + (i++ % 3));
            json.args("--json").exits(0, 1, 2, 3);
        }
    }

    private HostileCase indexCase(String name, String indexUrl, String cmd, String batch) {
        HostileCase c = kase(name).batch(batch);
        c.args(cmd, p(c, "req.txt"), "--runtime", PY, "--index-url", indexUrl, "--timeout", "0.5");
        if (cmd.equals("build")) {
            c.args("-o", p(c, "out.zip")).output("out.zip");
        }
        // several requests (the project page, the root page for name suggestions), each bounded by the policy
        return c.within(45_000);
    }

    // ---- 9. AWS endpoints that misbehave -------------------------------------------------------------------------------

    private void aws() {
        int i = 0;
        for (String b : List.of("aws-500", "aws-never", "aws-stall", "aws-429", "aws-garbage", "aws-endless", "aws-norange")) {
            for (String[] cmd : List.of(new String[] {"layers", "list"}, new String[] {"layers", "list", "--unzipped"},
                    new String[] {"layers", "list", "--name", "deps"}, new String[] {"publish", "LAYER", "--name", "deps", "--dry-run"},
                    new String[] {"layers", "prune", "--name", "deps", "--keep", "1"})) {
                HostileCase c = kase(b + "-" + String.join("-", cmd).replace("LAYER", "zip")).batch("aws" + (i++ % 3));
                for (String a : cmd) {
                    c.args(a.equals("LAYER") ? p(c, "layer.zip") : a);
                }
                c.args("--endpoint-url", servers.url(b), "--region", "us-east-1", "--timeout", "0.5");
                c.exits(0, 1, 2, 3).within(40_000);
            }
        }
    }

    // ---- 10. GitHub step summary that is a FIFO ------------------------------------------------------------------------

    private void github() throws IOException {
        Path fifo = root.resolve("summary-fifo");
        if (!(fifos && HostileFiles.mkfifo(fifo))) {
            Files.createDirectories(fifo);
        }
        for (String extra : List.of("", "--json")) {
            HostileCase c = kase("github-summary-fifo" + extra).batch("github");
            c.args("check", p(c, "proj"), "--layer", HostileInputSuiteTest.ARN + "=" + p(c, "layer.zip"), "--github");
            if (!extra.isEmpty()) {
                c.args(extra);
            }
            c.exits(2);
        }
    }

    // ---- 11. pyproject.toml, locks and standard input ------------------------------------------------------------------

    /** Makes {@code rel} a sparse file of {@code bytes} zeros: larger than a cap, without using the disk. */
    private static void huge(HostileCase c, String rel, long bytes) {
        try {
            Path f = c.dir.resolve(rel);
            Files.createDirectories(f.getParent());
            try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
                raf.setLength(bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pythonInputs() {
        List<String> names = List.of("pyproject.toml", "uv.lock", "poetry.lock", "Pipfile.lock", "pylock.toml");
        for (String name : names) {
            String rel = "py/" + name;
            // resolve with each kind; build and plan read through the same reader, so one kind each
            for (Bad bad : List.of(Bad.FIFO, Bad.DEV_ZERO)) {
                slot("resolve-" + name + "-" + bad.name().toLowerCase(), bad, rel, c -> buildArgs(c, "resolve", p(c, rel)));
            }
            slot("build-" + name + "-fifo", Bad.FIFO, rel, c -> buildArgs(c, "build", p(c, rel)));
            slot("plan-" + name + "-dev_zero", Bad.DEV_ZERO, rel, c -> buildArgs(c, "plan", p(c, rel)));
            HostileCase big = kase("resolve-" + name + "-17mb");
            huge(big, rel, 17L << 20);
            big.args(buildArgs(big, "resolve", p(big, rel))).exits(2).says("limit");
            // nesting far deeper than any real file: a sentence, never a stack overflow
            HostileCase deep = kase("resolve-" + name + "-deep");
            write(deep, rel, name.endsWith(".lock") && name.startsWith("Pipfile")
                    ? "{\"default\": " + "[".repeat(100_000) + "]".repeat(100_000) + "}"
                    : "x = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
            deep.args(buildArgs(deep, "resolve", p(deep, rel))).exits(2);
            HostileCase ctl = kase("resolve-" + name + "-control-chars");
            write(ctl, rel, name.startsWith("Pipfile") ? "{\"default\": {\"x\\u001b[2J\\nFITS: forged\": {\"version\": \"==1\"}}}"
                    : "[project]\nname = \"x\\u001b[2J\\nFITS: forged\"\nversion = \"1\"\n[[package]]\nname = \"\\u0007\"\n");
            // a project named with control characters may resolve (nothing to install); its name is escaped when shown
            ctl.args(buildArgs(ctl, "resolve", p(ctl, rel))).exits(0, 1, 2);
            // the output is the pyproject/lock read as input
            HostileCase self = kase("resolve-" + name + "-o-itself");
            write(self, rel, name.startsWith("Pipfile") ? "{\"_meta\": {}, \"default\": {}}" : "[project]\nname = \"x\"\nversion = \"1\"\n"
                    + "dependencies = [\"hostile-demo\"]\n");
            self.args(buildArgs(self, "resolve", p(self, rel))).args("-o", p(self, rel)).exits(2);
        }
        for (String flag : List.of("-c", "-r")) {
            for (Bad bad : List.of(Bad.FIFO, Bad.DEV_ZERO)) {
                slot("resolve" + flag + "-" + bad.name().toLowerCase(), bad, "bad.txt",
                        c -> concat(new String[] {"resolve", p(c, "req.txt"), flag, p(c, "bad.txt")}, offline(c)));
            }
        }
        for (String how : List.of("-", "-r")) {
            HostileCase zero = kase("resolve-stdin" + how + "-dev-zero");
            zero.args(how.equals("-") ? new String[] {"resolve", "-"} : new String[] {"resolve", "-r", "-"}).args(offline(zero));
            zero.stdin = make(zero, "zero", Bad.DEV_ZERO) ? p(zero, "zero") : "/dev/zero";
            zero.exits(2).says("standard input");
            HostileCase big = kase("resolve-stdin" + how + "-17mb");
            huge(big, "big.txt", 17L << 20);
            big.args(how.equals("-") ? new String[] {"resolve", "-"} : new String[] {"resolve", "-r", "-"}).args(offline(big));
            big.stdin = p(big, "big.txt");
            big.exits(2).says("standard input");
        }
        // resolve -o pylock.toml from an index with credentials: the lock names files without them
        for (String out : List.of("pylock.toml", "requirements.lock")) {
            String host = servers.url("page-good").substring("http://".length());
            HostileCase c = kase("resolve-creds-o-" + out).batch("net0");
            c.args("resolve", p(c, "req.txt"), "--runtime", PY, "--index-url", "http://user:" + HostileInputSuiteTest.SECRET_PASSWORD
                    + "@" + host + "/simple", "--timeout", "2", "-o", p(c, out)).output(out).exits(0, 1, 2, 3).within(45_000);
        }
        for (String flag : List.of("-o")) {
            HostileCase c = kase("dockerfile" + flag + "-is-input");
            c.args("dockerfile", "--runtime", PY, p(c, "req.txt"), flag, p(c, "req.txt")).exits(2).says("inputs");
            HostileCase f = kase("dockerfile" + flag + "-fifo");
            make(f, "out-fifo", fifos ? Bad.FIFO : Bad.FOLDER);
            f.args("dockerfile", "--runtime", PY, p(f, "req.txt"), flag, p(f, "out-fifo")).exits(2);
        }
    }

    private static String[] buildArgs(HostileCase c, String cmd, String input) {
        String[] head = cmd.equals("build") ? new String[] {cmd, input, "-o", p(c, "out.zip")} : new String[] {cmd, input};
        return concat(head, offline(c));
    }

    // ---- 12. SAM / CloudFormation templates, serverless.yml, Terraform plans, cdk.out ---------------------------------

    private record Framework(String name, String kind, String file, String valid) {
    }

    private static final String SAM = "Transform: AWS::Serverless-2016-10-31\nResources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
            + "    Properties:\n      Runtime: python3.12\n      Handler: app.handler\n      InlineCode: \"x = 1\"\n";
    private static final String CFN = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: python3.12\n"
            + "      Handler: index.handler\n      Role: arn:aws:iam::123456789012:role/r\n      Code:\n        ZipFile: \"x = 1\"\n";

    private void frameworkInputs() {
        List<Framework> frameworks = List.of(
                new Framework("sam", "sam", "template.yaml", SAM),
                new Framework("cloudformation", "cloudformation", "stack.yaml", CFN),
                new Framework("serverless", "serverless", "serverless.yml", "service: s\nprovider:\n  name: aws\n  runtime: python3.12\n"
                        + "functions:\n  fn:\n    handler: app.handler\n"),
                new Framework("terraform", "terraform", "plan.json", "{\"format_version\":\"1.2\",\"terraform_version\":\"1.9.0\","
                        + "\"planned_values\":{\"root_module\":{}}}"),
                new Framework("cdk", "cdk", "cdk.out/manifest.json", "{\"version\":\"36.0.0\",\"artifacts\":{}}"));
        for (Framework f : frameworks) {
            String rel = "fw/" + f.file();
            Path projectRel = Path.of(rel).getParent();
            for (Bad bad : List.of(Bad.FIFO, Bad.DEV_ZERO, Bad.FOLDER)) {
                // the folder (the reader finds the file) and the file itself
                slot("check-" + f.name() + "-dir-" + bad.name().toLowerCase(), bad, rel,
                        c -> new String[] {"check", p(c, projectRel.toString()), "--kind", f.kind()});
                if (!f.name().equals("cdk")) {
                    slot("check-" + f.name() + "-file-" + bad.name().toLowerCase(), bad, rel,
                            c -> new String[] {"check", p(c, rel), "--kind", f.kind()});
                }
            }
            HostileCase big = kase("check-" + f.name() + "-65mb");
            huge(big, rel, 65L << 20);
            big.args("check", p(big, f.name().equals("cdk") ? projectRel.toString() : rel), "--kind", f.kind()).exits(2);
            boolean json = f.file().endsWith(".json");
            Map<String, String> bodies = new java.util.LinkedHashMap<>();
            bodies.put("deep", json ? "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}"
                    : "Resources:\n  Fn: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n");
            bodies.put("garbage", json ? "{\"format_version\": [}" : "Resources: {\n  : : [\n");
            bodies.put("control-chars", json ? f.valid().replace("{}", "{\"x\\u001b[2J\\nFITS: forged\":1}")
                    : f.valid().replace("Fn:", "\"Fn\\e[2J\\nFITS: forged\":").replace("fn:", "\"fn\\e[2J\\nFITS: forged\":"));
            if (!json) {
                bodies.put("alias-bomb", "a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n"
                        + "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
                        + "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
                        + "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\ni: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n" + f.valid());
            }
            bodies.put("bom-nul", "\uFEFF\u0000" + f.valid());
            for (Map.Entry<String, String> b : bodies.entrySet()) {
                HostileCase c = kase("check-" + f.name() + "-" + b.getKey());
                write(c, rel, b.getValue());
                c.args("check", p(c, projectRel.toString()), "--kind", f.kind()).exits(0, 1, 2);
            }
            // outputs that are the project's own file, or a FIFO
            for (String flag : List.of("--markdown", "--html")) {
                HostileCase self = kase("check-" + f.name() + flag + "-is-input");
                write(self, rel, f.valid());
                self.args("check", p(self, projectRel.toString()), "--kind", f.kind(), flag, p(self, rel));
                // a project layerfit cannot check at all stops before writing; either way the file is untouched
                self.exits(2);
            }
            HostileCase fifo = kase("check-" + f.name() + "-markdown-fifo");
            write(fifo, rel, f.valid());
            make(fifo, "out-fifo", fifos ? Bad.FIFO : Bad.FOLDER);
            fifo.args("check", p(fifo, projectRel.toString()), "--kind", f.kind(), "--markdown", p(fifo, "out-fifo")).exits(2);
        }
    }

    // ---- 13. audit and check of a deployed function against a misbehaving AWS endpoint --------------------------------

    private void deployed() {
        int i = 0;
        for (String b : List.of("aws-500", "aws-never", "aws-stall", "aws-429", "aws-garbage", "aws-endless", "aws-fn", "aws-fn-empty")) {
            boolean json = List.of("aws-never", "aws-garbage", "aws-fn").contains(b);
            for (String extra : json ? List.of("", "--json") : List.of("")) {
                HostileCase a = kase("audit-" + b + (extra.isEmpty() ? "" : "-json")).batch("dep" + (i++ % 3));
                a.args("audit", "--region", "us-east-1", "--endpoint-url", servers.url(b), "--timeout", "0.5");
                if (!extra.isEmpty()) {
                    a.args(extra);
                }
                a.exits(0, 1, 2, 3).within(40_000);
                HostileCase c = kase("check-arn-" + b + (extra.isEmpty() ? "" : "-json")).batch("dep" + (i++ % 3));
                c.args("check", FUNCTION_ARN, "--endpoint-url", servers.url(b), "--timeout", "0.5");
                if (!extra.isEmpty()) {
                    c.args(extra);
                }
                c.exits(1, 2, 3).within(40_000);
            }
        }
        // audit's Markdown output: refused when it cannot be a file, written through a link
        record Out(String name, Bad bad, int exit) {
        }
        for (Out o : List.of(new Out("fifo", Bad.FIFO, 2), new Out("folder", Bad.FOLDER, 2), new Out("link-loop", Bad.LINK_LOOP, 2),
                new Out("dev-null", Bad.DEV_NULL, 0))) {
            HostileCase c = kase("audit-markdown-" + o.name()).batch("dep" + (i++ % 3));
            if (!make(c, "out.md", o.bad())) {
                make(c, "out.md", Bad.FOLDER);
            }
            c.args("audit", "--region", "us-east-1", "--endpoint-url", servers.url("aws-fn-empty"), "--timeout", "0.5",
                    "--markdown", p(c, "out.md")).exits(o.exit() == 0 ? new Integer[] {0} : new Integer[] {2}).within(40_000);
        }
        HostileCase link = kase("audit-markdown-link").batch("dep" + (i++ % 3));
        write(link, "target.md", "old\n");
        symlink(link, "out.md", "target.md");
        link.args("audit", "--region", "us-east-1", "--endpoint-url", servers.url("aws-fn-empty"), "--timeout", "0.5",
                "--markdown", p(link, "out.md")).exits(0).output("target.md").within(40_000)
                .after(d -> {
                    assertThat(Files.isSymbolicLink(d.resolve("out.md"))).as("the link was replaced").isTrue();
                    assertThat(read(d.resolve("target.md"))).as("the link's target was not written").isNotEqualTo("old\n");
                });
        HostileCase md = kase("check-arn-markdown-fifo").batch("dep" + (i++ % 3));
        make(md, "out.md", fifos ? Bad.FIFO : Bad.FOLDER);
        md.args("check", FUNCTION_ARN, "--endpoint-url", servers.url("aws-fn"), "--timeout", "0.5", "--markdown", p(md, "out.md"))
                .exits(2, 3).within(40_000);
    }
}
