package dev.layerfit.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import picocli.CommandLine.Command;

/**
 * Runs the common commands once on a tiny generated project so that the launcher's class-data sharing
 * archive ({@code -XX:ArchiveClassesAtExit}) holds the classes they load; later runs then start faster.
 * Prints nothing; writes only in a temporary folder it deletes.
 */
@Command(name = "train-startup", hidden = true, description = "Warm-up run used by the launcher to build its class-data archive.")
public final class TrainStartupCommand implements Callable<Integer> {

    private static final String ARN = "arn:aws:lambda:us-east-1:123456789012:layer:deps:1";

    @Override
    public Integer call() throws IOException {
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
            quietly("analyze", zip.toString());
            quietly("analyze", zip.toString(), zip.toString(), "--json");
            quietly("check", dir.toString(), "--layer", ARN + "=" + zip);
            quietly("check", dir.toString(), "--layer", ARN + "=" + zip, "--json");
            quietly("explain", "Unzipped size must be smaller than 85207199 bytes");
            quietly("explain", "--json", "Layers consume more than the available size of 262144000 bytes");
            quietly("check", dir.resolve("missing").toString());
            Path wheels = Files.createDirectories(dir.resolve("wheels"));
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(wheels.resolve("six-1.16.0-py2.py3-none-any.whl")))) {
                put(out, "six.py", "import sys\n");
                put(out, "six-1.16.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: six\nVersion: 1.16.0\n");
                put(out, "six-1.16.0.dist-info/WHEEL", "Wheel-Version: 1.0\nTag: py2.py3-none-any\n");
                put(out, "six-1.16.0.dist-info/RECORD", "six.py,,\n");
            }
            Path req = Files.writeString(dir.resolve("requirements.txt"), "six>=1.0\n");
            quietly("resolve", req.toString(), "--runtime", "python3.12", "--no-index", "--find-links", wheels.toString());
            quietly("resolve", req.toString(), "--runtime", "python3.11", "--no-index", "--find-links", wheels.toString(),
                    "--json", "-o", dir.resolve("requirements.lock").toString());
            quietly("merge", req.toString(), req.toString());
            quietly("plan", req.toString(), "--runtime", "python3.12", "--no-index", "--find-links", wheels.toString());
            quietly("build", req.toString(), "--runtime", "python3.12", "--no-index", "--find-links", wheels.toString(),
                    "-o", dir.resolve("layer.zip").toString());
            return ExitCodes.OK;
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

    private static void put(ZipOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new ZipEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static void quietly(String... args) {
        StringWriter sink = new StringWriter();
        Main.run(args, new PrintWriter(sink), new PrintWriter(sink));
    }
}
