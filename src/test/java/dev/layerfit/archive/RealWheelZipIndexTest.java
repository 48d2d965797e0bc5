package dev.layerfit.archive;

import dev.layerfit.PythonZipfile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.LocalIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real wheels from the local index, measured by ZipIndex and by Python's zipfile: the figures must agree. */
class RealWheelZipIndexTest {

    /** Prints the entry count, the sum of file_size, then every name, one per line. */
    private static final String PY_SUMMARY = """
            import sys, zipfile
            infos = zipfile.ZipFile(sys.argv[1]).infolist()
            print(len(infos)); print(sum(i.file_size for i in infos))
            for i in infos: print(i.filename)
            """;

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"numpy, numpy-", "grpcio, grpcio-", "google-api-python-client, google_api_python_client-",
            "pandas, pandas-", "scipy, scipy-"})
    void wheelFiguresMatchPythonsZipfile(String project, String prefix) throws Exception {
        Path wheel = LocalIndex.require().wheel(project, prefix);
        assertMatchesPython(wheel);
    }

    @Test
    void recordReadFromAWheelEqualsWhatPythonReads() throws Exception {
        Path wheel = LocalIndex.require().wheel("grpcio", "grpcio-");
        try (ZipIndex index = ZipIndex.open(wheel)) {
            String record = index.entries().stream().map(ArchiveEntry::name).filter(n -> n.endsWith(".dist-info/RECORD"))
                    .findFirst().orElseThrow();
            byte[] python = PythonZipfile.run("import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
                    wheel.toString(), record);
            assertThat(python).hasSizeGreaterThan(1000);
            assertThat(index.read(record)).isEqualTo(python);
        }
    }

    @Test
    void aMultiWheelLayerZipMatchesPythonAndItsFolder() throws Exception {
        LocalIndex local = LocalIndex.require();
        List<Path> wheels = List.of(local.wheel("grpcio", "grpcio-"), local.wheel("numpy", "numpy-"),
                local.wheel("google-api-python-client", "google_api_python_client-"));
        Path folder = tmp.resolve("layer");
        PythonZipfile.run("import sys, zipfile\nfor w in sys.argv[2:]: zipfile.ZipFile(w).extractall(sys.argv[1] + '/python')",
                concat(folder.toString(), wheels));
        // A symlink, as real layers built with `zip -y` carry for shared libraries.
        Files.createSymbolicLink(folder.resolve("python/libalias.so"), Path.of("numpy.libs"));

        Path zip = tmp.resolve("layer.zip");
        if (FolderArtifactTest.onPath("zip")) {
            Process p = new ProcessBuilder("zip", "-q", "-r", "-y", "-6", zip.toString(), ".").directory(folder.toFile())
                    .inheritIO().start();
            assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
        } else {
            PythonZipfile.run("import os, sys, zipfile\nwith zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
                    + "  for d, ds, fs in os.walk(sys.argv[2]):\n    ds.sort()\n    for n in sorted(ds + fs):\n"
                    + "      p = os.path.join(d, n); z.write(p, os.path.relpath(p, sys.argv[2]))\n", zip.toString(), folder.toString());
        }
        assertMatchesPython(zip);
        try (ZipIndex index = ZipIndex.open(zip); FolderArtifact dir = FolderArtifact.open(folder)) {
            assertThat(index.entryCount()).isEqualTo(dir.entryCount()).isGreaterThan(1500);
            assertThat(index.unzippedBytes()).isEqualTo(dir.unzippedBytes()).isGreaterThan(100_000_000L);
        }
    }

    private static void assertMatchesPython(Path zip) throws Exception {
        List<String> lines = Arrays.asList(PythonZipfile.runText(PY_SUMMARY, zip.toString()).split("\n"));
        try (ZipIndex index = ZipIndex.open(zip)) {
            assertThat(index.entryCount()).isEqualTo(Integer.parseInt(lines.get(0)));
            assertThat(index.unzippedBytes()).isEqualTo(Long.parseLong(lines.get(1)));
            assertThat(index.entries()).extracting(ArchiveEntry::name).containsExactlyElementsOf(lines.subList(2, lines.size()));
            assertThat(index.zippedBytes()).isEqualTo(Files.size(zip));
        }
    }

    private static String[] concat(String first, List<Path> rest) {
        String[] all = new String[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i).toString();
        }
        return all;
    }
}
