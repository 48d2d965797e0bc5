package dev.layerfit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.error.BadInputException;
import dev.layerfit.error.LayerfitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderIsCountedAsItsZipAndAFileIsReadAsAZip() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("layer/python"));
        Files.writeString(folder.resolve("m.py"), "x = 1\n");
        ZipBytesBuilder zip = new ZipBytesBuilder();
        zip.directory("python/");
        zip.file("python/m.py", "x = 1\n");
        Path zipFile = Files.write(tmp.resolve("layer.zip"), zip.build());

        try (MeasuredArtifact fromFolder = Artifacts.open(tmp.resolve("layer"));
             MeasuredArtifact fromZip = Artifacts.open(zipFile)) {
            assertThat(fromFolder).isInstanceOf(FolderArtifact.class);
            assertThat(fromZip).isInstanceOf(ZipIndex.class);
            assertThat(fromFolder.entries()).isEqualTo(fromZip.entries().stream()
                    .map(e -> new ArchiveEntry(e.name(), 0, e.uncompressedSize(), e.unixMode(), e.kind())).toList());
            assertThat(fromFolder.unzippedBytes()).isEqualTo(fromZip.unzippedBytes()).isEqualTo(6);
        }
    }

    @Test
    void aMissingPathIsBadInputNamingIt() {
        Path missing = tmp.resolve("no-such-layer.zip");
        assertThatThrownBy(() -> Artifacts.open(missing)).isInstanceOf(ArtifactPathException.class)
                .isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("no such file or folder: " + missing)
                .satisfies(e -> assertThat(((LayerfitException) e).kind().exitCode()).isEqualTo(2));
    }

    @Test
    void aDanglingLinkAndASpecialFileAreBadInput() throws IOException {
        Path dangling = Files.createSymbolicLink(tmp.resolve("gone.zip"), tmp.resolve("was-here.zip"));
        assertThatThrownBy(() -> Artifacts.open(dangling)).isInstanceOf(ArtifactPathException.class)
                .hasMessageContaining("gone.zip").hasMessageContaining("missing");
        Path device = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(device), "SKIPPED: no /dev/null on this system");
        assertThatThrownBy(() -> Artifacts.open(device)).isInstanceOf(ArtifactPathException.class)
                .hasMessageContaining("/dev/null").hasMessageContaining("neither a regular file nor a folder");
    }

    @Test
    void aFileThatIsNotAZipSaysSo() throws IOException {
        Path text = Files.writeString(tmp.resolve("requirements.txt"), "numpy==2.2.6\npandas==2.3.3\n");
        assertThatThrownBy(() -> Artifacts.open(text)).isInstanceOf(NotAZipException.class)
                .hasMessageContaining("requirements.txt is not a zip file");
    }
}
