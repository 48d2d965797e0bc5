package dev.layerfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;

/**
 * Runs the common commands once on a tiny generated project so that the launcher's class-data sharing
 * archive ({@code -XX:ArchiveClassesAtExit}) holds the classes they load; later runs then start faster.
 * Prints nothing unless a step does not end as expected (then exit 1); writes only in a temporary folder it deletes.
 */
@Command(name = "train-startup", hidden = true, description = "Warm-up run used by the launcher to build its class-data archive.")
public final class TrainStartupCommand implements Callable<Integer> {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:deps:1";

    private final List<String> failed = new ArrayList<>();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @picocli.CommandLine.Option(names = "--write-index", paramLabel = "DIR",
            description = "Only write the training index into DIR (DIR/wheels, DIR/index/simple, and DIR/requirements.txt "
                    + "naming demo[fast] and helper), for a training run of one command as its own process (package.sh: "
                    + "lib/layerfit-resolve.aot).")
    Path writeIndex;

    @Override
    public Integer call() throws IOException {
        if (writeIndex != null) {
            Files.createDirectories(writeIndex);
            trainingIndex(writeIndex);
            Files.writeString(writeIndex.resolve("requirements.txt"), "demo[fast]>=1.0,!=1.5\nhelper\n");
            return ExitCodes.OK;
        }
        Path dir = Files.createTempDirectory("layerfit-train");
        String savedCache = System.getProperty("layerfit.cache.dir");
        System.setProperty("layerfit.cache.dir", dir.resolve("cache").toString()); // never the user's cache
        try {
            Path zip = dir.resolve("layer.zip");
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                put(out, "python/six.py", "import sys\n");
                put(out, "python/six-1.16.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n");
                put(out, "python/six-1.16.0.dist-info/RECORD", "six.py,,11\nsix-1.16.0.dist-info/METADATA,,\n");
            }
            Files.createDirectories(dir.resolve(".chalice"));
            Files.writeString(dir.resolve("app.py"), "from chalice import Chalice\n");
            Files.writeString(dir.resolve(".chalice/config.json"),
                    "{\"app_name\": \"train\", \"layers\": [\"" + ARN + "\"], \"stages\": {\"dev\": {}}}");
            step(ExitCodes.OK, "analyze", zip.toString());
            step(ExitCodes.OK, "analyze", zip.toString(), zip.toString(), "--json");
            step(ExitCodes.OK, "check", dir.toString(), "--layer", ARN + "=" + zip);
            step(ExitCodes.OK, "check", dir.toString(), "--layer", ARN + "=" + zip, "--json");
            step(ExitCodes.OK, "explain", "Unzipped size must be smaller than 85207199 bytes");
            step(ExitCodes.OK, "explain", "--json", "Layers consume more than the available size of 262144000 bytes");
            step(ExitCodes.BAD_INPUT, "check", dir.resolve("missing").toString());
            Path index = trainingIndex(dir);
            Path wheels = dir.resolve("wheels");
            Path req = Files.writeString(dir.resolve("requirements.txt"), "six>=1.0\n");
            // the PEP 503 file index, resolved cold and then warm
            for (int i = 0; i < 2; i++) {
                step(ExitCodes.OK, "resolve", "demo[fast]", "--runtime", "python3.12", "--index-url", index.toUri().toString());
            }
            step(ExitCodes.OK, "resolve", "demo[fast]", "--python-version", "3.11", "--glibc", "2.34", "--index-url",
                    index.toUri().toString());
            step(ExitCodes.OK, "resolve", req.toString(), "--runtime", "python3.12", "--no-index", "--find-links", wheels.toString());
            step(ExitCodes.OK, "resolve", req.toString(), "--runtime", "python3.11", "--no-index", "--find-links", wheels.toString(),
                    "--json", "-o", dir.resolve("requirements.lock").toString());
            step(ExitCodes.OK, "merge", req.toString(), req.toString());
            step(ExitCodes.OK, "plan", req.toString(), "--runtime", "python3.12", "--no-index", "--find-links", wheels.toString());
            step(ExitCodes.OK, "build", req.toString(), "--runtime", "python3.12", "--no-index", "--find-links", wheels.toString(),
                    "-o", dir.resolve("layer.zip").toString());
            failed.forEach(f -> spec.commandLine().getErr().println("layerfit: training step " + f));
            return failed.isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        } finally {
            if (savedCache == null) {
                System.clearProperty("layerfit.cache.dir");
            } else {
                System.setProperty("layerfit.cache.dir", savedCache);
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException ignored) {
                // a leftover temp folder is harmless
            }
        }
    }

    /**
     * {@code dir/wheels/} holding six, and a PEP 503 file index {@code dir/index/simple/} (project pages with hashes,
     * metadata with markers): returns the index's folder.
     */
    private static Path trainingIndex(Path dir) throws IOException {
        Path wheels = Files.createDirectories(dir.resolve("wheels"));
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(wheels.resolve("six-1.16.0-py2.py3-none-any.whl")))) {
            wheel(out, "six-1.16.0.dist-info", "six.py", "import sys\n",
                    "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n", "py2.py3-none-any");
        }
        return simpleIndex(dir.resolve("index"), wheels.resolve("six-1.16.0-py2.py3-none-any.whl"));
    }

    /**
     * {@code root/simple/} serving six (the given wheel) and demo 1.0 and 2.0: 1.0 needs six on Python 3, and its extra
     * {@code fast} six~=1.16 too (two specifiers on one project); 2.0 needs six>=2, which the index lacks, so resolving
     * demo backtracks to 1.0; and helper 1.0 and 2.0, which needs ghost<2, whose only version needs helper<2: resolving
     * helper meets that conflict only after choosing 2.0 and ghost, and learns from it (PubGrub's own example).
     */
    private static Path simpleIndex(Path root, Path six) throws IOException {
        Path files = Files.createDirectories(root.resolve("files"));
        Files.copy(six, files.resolve(six.getFileName()));
        Map<String, List<Path>> projects = new TreeMap<>();
        projects.put("six", List.of(files.resolve(six.getFileName())));
        projects.put("demo", List.of(pureWheel(files, "demo", "1.0", "Provides-Extra: fast\n"
                        + "Requires-Dist: six>=1.0; python_version >= \"3\"\n"
                        + "Requires-Dist: six~=1.16; extra == \"fast\" and sys_platform == \"linux\"\n"),
                pureWheel(files, "demo", "2.0", "Provides-Extra: fast\nRequires-Dist: six>=2.0\n")));
        projects.put("helper", List.of(pureWheel(files, "helper", "1.0", ""),
                pureWheel(files, "helper", "2.0", "Requires-Dist: ghost<2\n")));
        projects.put("ghost", List.of(pureWheel(files, "ghost", "1.0", "Requires-Dist: helper<2\n")));
        for (var project : projects.entrySet()) {
            StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
            for (Path wheel : project.getValue()) {
                String name = wheel.getFileName().toString();
                String sha256 = java.util.HexFormat.of().formatHex(sha256(Files.readAllBytes(wheel)));
                page.append("<a href=\"../../files/").append(name).append("#sha256=").append(sha256)
                        .append("\" data-requires-python=\"&gt;=3.8\">").append(name).append("</a>\n");
            }
            Path folder = Files.createDirectories(root.resolve("simple").resolve(project.getKey()));
            Files.writeString(folder.resolve("index.html"), page + "</body></html>\n");
        }
        return root.resolve("simple");
    }

    private static Path pureWheel(Path files, String name, String version, String requires) throws IOException {
        Path wheel = files.resolve(name + "-" + version + "-py3-none-any.whl");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(wheel))) {
            wheel(out, name + "-" + version + ".dist-info", name + "/__init__.py", "",
                    "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version + "\nRequires-Python: >=3.8\n"
                            + requires + "\nA long description.\n", "py3-none-any");
        }
        return wheel;
    }

    /** A one-module wheel whose RECORD has every file's sha256 and size, as installers require. */
    private static void wheel(ZipOutputStream out, String distInfo, String module, String code, String metadata, String tag)
            throws IOException {
        String wheelFile = "Wheel-Version: 1.0\nGenerator: layerfit\nRoot-Is-Purelib: true\nTag: " + tag + "\n";
        StringBuilder record = new StringBuilder();
        String[][] files = {{module, code}, {distInfo + "/METADATA", metadata}, {distInfo + "/WHEEL", wheelFile}};
        for (String[] f : files) {
            put(out, f[0], f[1]);
            byte[] bytes = f[1].getBytes(StandardCharsets.UTF_8);
            record.append(f[0]).append(",sha256=").append(java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(sha256(bytes))).append(',').append(bytes.length).append('\n');
        }
        put(out, distInfo + "/RECORD", record + distInfo + "/RECORD,,\n");
    }

    private static byte[] sha256(byte[] data) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    /** Runs one command, printing nothing; a command that does not end as expected is noted (training is broken). */
    private void step(int expected, String... args) {
        StringWriter sink = new StringWriter();
        int code = Main.run(args, new PrintWriter(sink), new PrintWriter(sink));
        if (code != expected) {
            failed.add("'" + String.join(" ", args) + "' exited " + code + ", not " + expected + ": " + sink.toString().strip());
        }
    }
}
