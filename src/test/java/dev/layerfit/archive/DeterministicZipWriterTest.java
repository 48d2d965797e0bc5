package dev.layerfit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.PythonZipfile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterministicZipWriterTest {

    @TempDir
    Path tmp;
    Path layer;

    @BeforeEach
    void makeLayer() throws IOException {
        layer = tmp.resolve("layer");
        Path pkg = Files.createDirectories(layer.resolve("python/pkg"));
        Files.writeString(layer.resolve("python/a.py"), "import os\n".repeat(500));
        byte[] noise = new byte[200_000];
        new Random(7).nextBytes(noise);
        Files.write(pkg.resolve("noise.bin"), noise);
        Files.write(pkg.resolve("empty.txt"), new byte[0]);
        Files.writeString(pkg.resolve("caf\u00e9.txt"), "non-ASCII name\n");
        Path tool = Files.writeString(pkg.resolve("tool.sh"), "#!/bin/sh\necho hi\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(pkg.resolve("empty.txt"), PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(layer.resolve("python/empty-dir"));
        Files.createSymbolicLink(pkg.resolve("link.so"), Path.of("noise.bin"));
        for (int i = 0; i < 40; i++) {
            Files.writeString(pkg.resolve("m" + i + ".py"), ("x" + i + " = " + i + "\n").repeat(i * 10 + 1));
        }
    }

    @Test
    void sameFolderGivesTheSameBytesWhateverTheTimeZoneFileTimesOrThreads() throws IOException {
        TimeZone original = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            WrittenZip first = DeterministicZipWriter.create().write(layer, tmp.resolve("one.zip"));
            try (Stream<Path> files = Files.walk(layer)) {
                for (Path p : files.toList()) {
                    if (!Files.isSymbolicLink(p)) {
                        Files.setLastModifiedTime(p, FileTime.fromMillis(1_234_567_890_000L));
                    }
                }
            }
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            WrittenZip second = DeterministicZipWriter.create().withThreads(1).write(layer, tmp.resolve("two.zip"));
            byte[] one = Files.readAllBytes(first.path());
            byte[] two = Files.readAllBytes(second.path());
            assertThat(one).isEqualTo(two);
            assertThat(first.sha256()).isEqualTo(second.sha256())
                    .isEqualTo(HexFormat.of().formatHex(sha256(one)));
            assertThat(first.zippedBytes()).isEqualTo(one.length);
        } finally {
            TimeZone.setDefault(original);
        }
    }

    @Test
    void lengthIsFolderArtifactsZippedBytesAndUnzippedSizeIsTheFolders() throws IOException {
        WrittenZip zip = DeterministicZipWriter.create().write(layer, tmp.resolve("out/layer.zip"));
        try (FolderArtifact folder = FolderArtifact.open(layer); ZipIndex index = ZipIndex.open(zip.path())) {
            assertThat(Files.size(zip.path())).isEqualTo(folder.zippedBytes()).isEqualTo(zip.zippedBytes());
            assertThat(index.unzippedBytes()).isEqualTo(folder.unzippedBytes()).isEqualTo(zip.unzippedBytes());
            assertThat(index.entries()).extracting(ArchiveEntry::name)
                    .containsExactlyElementsOf(folder.entries().stream().map(ArchiveEntry::name).toList());
            assertThat(index.read("python/a.py")).isEqualTo(Files.readAllBytes(layer.resolve("python/a.py")));
            assertThat(index.read("python/pkg/noise.bin")).isEqualTo(Files.readAllBytes(layer.resolve("python/pkg/noise.bin")));
            assertThat(new String(index.read("python/pkg/link.so"))).isEqualTo("noise.bin");
            // noise does not shrink, so it is stored; text shrinks, so it is deflated
            ArchiveEntry noise = entry(index, "python/pkg/noise.bin");
            assertThat(noise.compressedSize()).isEqualTo(noise.uncompressedSize());
            ArchiveEntry text = entry(index, "python/a.py");
            assertThat(text.compressedSize()).isLessThan(text.uncompressedSize() / 10);
            assertThat(entry(index, "python/pkg/tool.sh").unixMode()).isEqualTo(0100755);
            assertThat(entry(index, "python/pkg/empty.txt").unixMode()).isEqualTo(0100644);
            assertThat(entry(index, "python/empty-dir/").unixMode()).isEqualTo(040755);
            assertThat(entry(index, "python/pkg/link.so").unixMode()).isEqualTo(0120777);
        }
    }

    @Test
    void pythonsZipfileTestsItAndSeesFixedDatesModesAndNames() throws Exception {
        PythonZipfile.require();
        Path zip = DeterministicZipWriter.create().write(layer, tmp.resolve("layer.zip")).path();
        String tested = PythonZipfile.runText("import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).testzip())", zip.toString());
        assertThat(tested.strip()).isEqualTo("None");
        String listing = PythonZipfile.runText("import sys, zipfile\n"
                + "for i in zipfile.ZipFile(sys.argv[1]).infolist():\n"
                + "    print(i.filename, i.date_time, oct(i.external_attr >> 16), len(i.extra), i.file_size)\n", zip.toString());
        assertThat(listing.lines()).allMatch(l -> l.contains("(1980, 1, 1, 0, 0, 0)") && l.contains(" 0 "));
        assertThat(listing).contains("python/pkg/caf\u00e9.txt (1980, 1, 1, 0, 0, 0) 0o100644 0 15",
                "python/pkg/tool.sh (1980, 1, 1, 0, 0, 0) 0o100755 0 18", "python/ (1980, 1, 1, 0, 0, 0) 0o40755 0 0");
    }

    @Test
    void manyEntriesGetZip64EndRecordsThatFolderZipSizeCountsAndPythonReads() throws Exception {
        Path many = Files.createDirectories(tmp.resolve("many/d"));
        for (int i = 0; i < 65_535; i++) {
            Files.write(many.resolve(Integer.toString(i)), new byte[] {(byte) i});
        }
        WrittenZip zip = DeterministicZipWriter.create().write(tmp.resolve("many"), tmp.resolve("many.zip"));
        assertThat(zip.entries()).isEqualTo(65_536);
        try (FolderArtifact folder = FolderArtifact.open(tmp.resolve("many")); ZipIndex index = ZipIndex.open(zip.path())) {
            assertThat(Files.size(zip.path())).isEqualTo(folder.zippedBytes());
            assertThat(index.isZip64()).isTrue();
            assertThat(index.entryCount()).isEqualTo(65_536);
        }
        if (PythonZipfile.onPath("python3")) {
            assertThat(PythonZipfile.runText("import sys, zipfile; print(len(zipfile.ZipFile(sys.argv[1]).infolist()))",
                    zip.path().toString()).strip()).isEqualTo("65536");
        }
    }

    @Test
    void aFailedMoveLeavesNoTemporaryFileAndTheOldOutputAlone() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("out/layer.zip"));
        Files.writeString(out.resolve("keep.txt"), "x");
        assertThatThrownBy(() -> DeterministicZipWriter.create().write(layer, out)).isInstanceOf(dev.layerfit.io.UnsafeFileException.class)
                .hasMessageContaining("it is a folder");
        assertThat(listNames(tmp.resolve("out"))).containsExactly("layer.zip");
        assertThat(out.resolve("keep.txt")).hasContent("x");
    }

    @Test
    void anInterruptedWriteLeavesNothingAtTheOutput() throws IOException {
        Path out = tmp.resolve("out/layer.zip");
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> DeterministicZipWriter.create().write(layer, out)).isInstanceOf(InterruptedIOException.class);
        } finally {
            Thread.interrupted();
        }
        assertThat(listNames(tmp.resolve("out"))).isEmpty();
    }

    @Test
    void refusesToWriteTheZipInsideTheFolderItZips() {
        assertThatThrownBy(() -> DeterministicZipWriter.create().write(layer, layer.resolve("python/x.zip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be inside");
    }

    @Test
    void otherLevelsStillGiveAValidZip() throws IOException {
        WrittenZip stored = DeterministicZipWriter.create().withLevel(0).write(layer, tmp.resolve("stored.zip"));
        WrittenZip best = DeterministicZipWriter.create().withLevel(9).write(layer, tmp.resolve("best.zip"));
        try (ZipIndex index = ZipIndex.open(best.path())) {
            assertThat(index.read("python/a.py")).isEqualTo(Files.readAllBytes(layer.resolve("python/a.py")));
        }
        assertThat(stored.zippedBytes()).isGreaterThan(best.zippedBytes());
    }

    private static ArchiveEntry entry(ZipIndex index, String name) {
        return index.entries().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> listNames(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
