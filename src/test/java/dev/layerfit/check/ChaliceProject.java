package dev.layerfit.check;

import dev.layerfit.LayerZip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A small Chalice project written into a temp folder, with layer zips made of real dist-info layouts. */
final class ChaliceProject {

    static final String ARN_NUMPY = "arn:aws:lambda:us-east-1:123456789012:layer:numpy:3";
    static final String ARN_UTILS = "arn:aws:lambda:us-east-1:123456789012:layer:utils:4";
    static final long MIB = 1024L * 1024L;

    final Path dir;

    ChaliceProject(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir.resolve(".chalice"));
        Files.createDirectories(dir.resolve("chalicelib"));
        Files.writeString(dir.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='demo')\n");
        Files.writeString(dir.resolve("chalicelib/db.py"), "def connect():\n    return None\n");
    }

    ChaliceProject config(String json) throws IOException {
        Files.writeString(dir.resolve(".chalice/config.json"), json);
        return this;
    }

    /** The usual config: two manual layers at the top level, automatic_layer as given, stages dev and prod. */
    ChaliceProject standardConfig(boolean automaticLayer) throws IOException {
        return config("""
                {
                  "version": "2.0",
                  "app_name": "demo",
                  "automatic_layer": %s,
                  "layers": ["%s", "%s"],
                  "stages": {"dev": {}, "prod": {"lambda_memory_size": 1024}}
                }
                """.formatted(automaticLayer, ARN_NUMPY, ARN_UTILS));
    }

    /** A layer zip under {@code python/} holding the given distributions (name → [version, MiB of code]). */
    Path layer(String file, Map<String, Object[]> distributions) throws IOException {
        return layer(file, "python/", distributions);
    }

    Path layer(String file, String prefix, Map<String, Object[]> distributions) throws IOException {
        Path zip = dir.resolve(file);
        Files.createDirectories(zip.getParent());
        try (LayerZip z = new LayerZip(zip)) {
            for (var d : distributions.entrySet()) {
                String module = d.getKey().replace('-', '_');
                long bytes = Math.round(((Number) d.getValue()[1]).doubleValue() * MIB);
                z.addDistribution(prefix, d.getKey(), (String) d.getValue()[0], Map.of(
                        module + "/__init__.py", bytes / 2,
                        module + "/tests/test_core.py", bytes / 4,
                        module + "/__pycache__/__init__.cpython-311.pyc", bytes - bytes / 2 - bytes / 4));
            }
        }
        return zip;
    }
}
