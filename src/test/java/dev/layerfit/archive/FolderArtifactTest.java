package dev.layerfit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerfit.archive.ArchiveEntry.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderArtifactTest {

    @TempDir
    Path tmp;
    Path layer;
    byte[] noise;

    @BeforeEach
    void makeLayer() throws IOException {
        layer = tmp.resolve("layer");
        Path python = Files.createDirectories(layer.resolve("python"));
        Files.writeString(python.resolve("a.py"), "import os\n".repeat(300));
        Path pkg = Files.createDirectories(python.resolve("pkg"));
        noise = new byte[50_000];
        new Random(3).nextBytes(noise);
        Files.write(pkg.resolve("b.bin"), noise);
        Files.write(pkg.resolve("empty.txt"), new byte[0]);
        Files.createDirectories(python.resolve("empty"));
        Files.createSymbolicLink(python.resolve("lib.so"), Path.of("pkg/b.bin"));
        Files.createSymbolicLink(python.resolve("dirlink"), Path.of("pkg"));
        Files.createSymbolicLink(python.resolve("dangling"), Path.of("nowhere/at/all"));
    }

    @Test
    void walksSortedCountingFoldersZeroAndLinksByTargetLength() throws IOException {
        try (FolderArtifact folder = FolderArtifact.open(layer)) {
            assertThat(folder.label()).isEqualTo(layer.toString());
            assertThat(folder.entries()).extracting(ArchiveEntry::name).containsExactly(
                    "python/", "python/a.py", "python/dangling", "python/dirlink", "python/empty/", "python/lib.so",
                    "python/pkg/", "python/pkg/b.bin", "python/pkg/empty.txt");
            assertThat(folder.entries()).extracting(ArchiveEntry::kind).containsExactly(
                    Kind.DIRECTORY, Kind.FILE, Kind.SYMLINK, Kind.SYMLINK, Kind.DIRECTORY, Kind.SYMLINK,
                    Kind.DIRECTORY, Kind.FILE, Kind.FILE);
            assertThat(folder.entries()).extracting(ArchiveEntry::countedBytes).containsExactly(
                    0L, 3000L, 14L, 3L, 0L, 9L, 0L, 50_000L, 0L);
            assertThat(folder.entries().get(2).unixMode() & 0170000).isEqualTo(0120000);
            assertThat(folder.entries().get(0).unixMode() & 0170000).isEqualTo(0040000);
            assertThat(folder.entries().get(1).unixMode() & 0170000).isEqualTo(0100000);
            assertThat(folder.unzippedBytes()).isEqualTo(3000 + 14 + 3 + 9 + 50_000);
            assertThat(folder.entryCount()).isEqualTo(9);
            assertThat(folder.duplicateNames()).isEmpty();
        }
    }

    @Test
    void readsFilesAndLinkTargetsLikeTheZipWouldHoldThem() throws IOException {
        try (FolderArtifact folder = FolderArtifact.open(layer)) {
            assertThat(folder.read("python/pkg/b.bin")).isEqualTo(noise);
            assertThat(new String(folder.read("python/lib.so"), StandardCharsets.UTF_8)).isEqualTo("pkg/b.bin");
            assertThat(folder.read("python/empty/")).isEmpty();
            assertThatThrownBy(() -> folder.read("python/../../etc/passwd")).isInstanceOf(NoSuchFileException.class);
            assertThatThrownBy(() -> folder.read("python/nope.py")).isInstanceOf(NoSuchFileException.class)
                    .hasMessageContaining("python/nope.py");
        }
    }

    @Test
    void countsTheSameAsInfoZipsZipOfTheFolder() throws Exception {
        Path zip = zipWithInfoZip("-6");
        try (FolderArtifact folder = FolderArtifact.open(layer); ZipIndex index = ZipIndex.open(zip)) {
            assertThat(index.entryCount()).isEqualTo(folder.entryCount());
            assertThat(index.unzippedBytes()).isEqualTo(folder.unzippedBytes());
            assertThat(index.entries()).extracting(ArchiveEntry::name)
                    .containsExactlyInAnyOrderElementsOf(folder.entries().stream().map(ArchiveEntry::name).toList());
            assertThat(index.entries()).filteredOn(e -> e.kind() == Kind.SYMLINK).extracting(ArchiveEntry::name)
                    .containsExactlyInAnyOrder("python/lib.so", "python/dirlink", "python/dangling");
            assertThat(index.read("python/lib.so")).isEqualTo(folder.read("python/lib.so"));
        }
    }

    @Test
    void zippedBytesIsTheLengthOfADeflateLevelSixZipWithoutExtras() throws Exception {
        // Headers: 30 + 46 + 2 * name bytes per entry, then the 22-byte end record; data: stored or deflated.
        long headers = 0;
        try (FolderArtifact folder = FolderArtifact.open(layer)) {
            for (ArchiveEntry e : folder.entries()) {
                headers += 76 + 2L * e.name().length();
            }
            long data = 14 + 3 + 9 + FolderZipSize.deflatedLength(layer.resolve("python/a.py")) + 50_000; // noise is stored
            assertThat(folder.zippedBytes()).isEqualTo(headers + data + 22);
            assertThat(FolderZipSize.deflatedLength(layer.resolve("python/a.py"))).isBetween(10L, 100L);

            // Info-ZIP with -X (no extra fields) writes nearly the same zip; its deflate differs by a few bytes.
            Path zip = zipWithInfoZip("-6", "-X");
            assertThat((double) folder.zippedBytes()).isCloseTo((double) Files.size(zip), within(Files.size(zip) * 0.01));
        }
    }

    @Test
    void zippedBytesIsComputedOnlyWhenAsked() throws IOException {
        try (FolderArtifact folder = FolderArtifact.open(layer)) {
            Files.delete(layer.resolve("python/a.py"));
            assertThat(folder.unzippedBytes()).isEqualTo(53_026);
            assertThatThrownBy(folder::zippedBytes).isInstanceOf(UncheckedIOException.class).hasMessageContaining("a.py");
        }
    }

    private Path zipWithInfoZip(String... options) throws Exception {
        assumeTrue(onPath("zip"), "SKIPPED: the 'zip' command is not installed; this test compares with Info-ZIP's output");
        Path zip = tmp.resolve("of-folder-" + String.join("", options) + ".zip");
        List<String> command = new java.util.ArrayList<>(List.of("zip", "-q", "-r", "-y"));
        command.addAll(List.of(options));
        command.addAll(List.of(zip.toString(), "."));
        Process p = new ProcessBuilder(command).directory(layer.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return zip;
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, command)));
    }
}
