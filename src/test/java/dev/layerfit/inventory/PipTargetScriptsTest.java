package dev.layerfit.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerfit.LocalIndex;
import dev.layerfit.PythonZipfile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers made the way most users make them, {@code pip install --target python/} (real pip 23, real wheels from the
 * local index): the scripts pip writes to {@code python/bin/} (a console-script wrapper and a wheel's
 * {@code .data/scripts} file) belong to their distributions through RECORD's {@code ../../bin/...} rows, not to a
 * pseudo-package "bin" that two layers then "ship more than once".
 */
class PipTargetScriptsTest {

    @TempDir
    Path dir;

    /** A zip of {@code pip install --target python/ project==version}. */
    Path pipLayer(String name, Path wheel, String requirement) throws Exception {
        assumeTrue(PythonZipfile.onPath("pip3") || PythonZipfile.onPath("pip"), "SKIPPED: pip is not installed; this test installs with pip");
        Path target = dir.resolve(name).resolve("python");
        List<String> command = new ArrayList<>(List.of(PythonZipfile.onPath("pip3") ? "pip3" : "pip", "install", "--isolated", "-q",
                "--no-deps", "--no-compile", "--no-index", "--find-links", wheel.getParent().toString(), "--target", target.toString(),
                requirement));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Path zip = dir.resolve(name + ".zip");
        Path base = target.getParent();
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip)); Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(base.relativize(f).toString()));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void pipsBinScriptsBelongToTheirDistributions() throws Exception {
        LocalIndex index = LocalIndex.require();
        Path charset = pipLayer("charset", index.wheel("charset-normalizer", "charset_normalizer-3.5.2-cp311-cp311-manylinux2014_x86_64"),
                "charset-normalizer==3.5.2");
        Path jmespath = pipLayer("jmespath", index.wheel("jmespath", "jmespath-1.1.0-"), "jmespath==1.1.0");

        Inventory a = Inventory.of(new ZipFileContents(charset));
        Inventory b = Inventory.of(new ZipFileContents(jmespath));

        // the console-script wrapper pip generates, and jmespath's .data/scripts/jp.py, both land in python/bin/
        assertThat(InventoryTest.file(a, "python/bin/normalizer").distribution().name()).isEqualTo("charset-normalizer");
        assertThat(InventoryTest.file(b, "python/bin/jp.py").distribution().name()).isEqualTo("jmespath");
        assertThat(a.distributions()).extracting(DistributionUsage::name).containsExactly("charset-normalizer");
        assertThat(b.distributions()).extracting(DistributionUsage::name).containsExactly("jmespath");
        assertThat(DuplicateFinder.find(List.of(a, b)).distributions()).isEmpty();
    }

    @Test
    void anUnpackedWheelsDataFolderBelongsToItsDistribution() throws IOException {
        // a wheel extracted as it is (no installer moved NAME-VERSION.data/), with a RECORD that does not list the script
        MapContents layer = new MapContents("unpacked.zip")
                .file("python/tool/__init__.py", 10)
                .file("python/tool-1.0.data/scripts/tool-run", 40)
                .file("python/tool-1.0.dist-info/METADATA", "Name: tool\nVersion: 1.0\n")
                .file("python/tool-1.0.dist-info/RECORD", InventoryTest.record("tool/__init__.py", "tool-1.0.dist-info/METADATA"));
        Inventory inv = Inventory.of(layer);
        assertThat(InventoryTest.file(inv, "python/tool-1.0.data/scripts/tool-run").distribution().name()).isEqualTo("tool");
        assertThat(inv.distributions()).extracting(DistributionUsage::name).containsExactly("tool");
    }
}
