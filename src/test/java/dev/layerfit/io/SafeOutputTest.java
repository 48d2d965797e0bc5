package dev.layerfit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one safe-output writer and the bounded reader, on real files, links and devices. */
class SafeOutputTest {

    @TempDir
    Path tmp;

    @BeforeEach
    void forgetInputs() {
        InputFiles.reset();
    }

    @Test
    void aLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path target = Files.writeString(tmp.resolve("target.txt"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), Path.of("target.txt"));
        Path written = AtomicFileWriter.atomic().write(link, out -> out.write("new".getBytes()));
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(target).hasContent("new");
        assertThat(written).isEqualTo(target.toRealPath());
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(tmp.resolve("link.txt"), Path.of("sub-target.txt"));
        AtomicFileWriter.atomic().write(link, "x");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(tmp.resolve("sub-target.txt")).hasContent("x");
    }

    @Test
    void aCharacterDeviceIsWrittenInPlace() throws Exception {
        Path written = AtomicFileWriter.atomic().write(Path.of("/dev/null"), out -> out.write("discarded".getBytes()));
        assertThat(written).isEqualTo(Path.of("/dev/null"));
        assertThat(FileKind.of(Path.of("/dev/null"))).isEqualTo(FileKind.CHARACTER_DEVICE);
    }

    @Test
    void aFolderOrFifoIsRefused() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("out"));
        assertThatThrownBy(() -> AtomicFileWriter.atomic().write(dir, "x")).isInstanceOf(UnsafeFileException.class)
                .hasMessageContaining("a folder");
        Path fifo = tmp.resolve("fifo");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            assertThatThrownBy(() -> AtomicFileWriter.atomic().write(fifo, "x")).isInstanceOf(UnsafeFileException.class)
                    .hasMessageContaining("named pipe");
            assertThatThrownBy(() -> InputFiles.readText(fifo, "the requirements file")).isInstanceOf(UnsafeFileException.class)
                    .hasMessageContaining("named pipe");
        }
    }

    @Test
    void anInputIsNeverReplacedExceptByAnEdit() throws Exception {
        Path req = Files.writeString(tmp.resolve("requirements.txt"), "six\n");
        assertThat(InputFiles.readText(req, "the requirements file")).isEqualTo("six\n");
        assertThatThrownBy(() -> AtomicFileWriter.atomic().write(req, "PK")).isInstanceOf(UnsafeFileException.class)
                .hasMessageContaining("one of this command's inputs");
        Path link = Files.createSymbolicLink(tmp.resolve("sneaky"), req);
        assertThatThrownBy(() -> AtomicFileWriter.atomic().write(link, "PK")).isInstanceOf(UnsafeFileException.class);
        assertThat(req).hasContent("six\n");
        AtomicFileWriter.atomic().editingInput().write(req, "six==1.16.0\n");
        assertThat(req).hasContent("six==1.16.0\n");
    }

    @Test
    void aPathOutsideItsRootIsRefused() {
        assertThatThrownBy(() -> SafePaths.inside(tmp, "wheels", "..", "..", "x")).isInstanceOf(UnsafeFileException.class);
        assertThatThrownBy(() -> AtomicFileWriter.atomic().inside(tmp.resolve("cache")).write(tmp.resolve("x"), "x"))
                .isInstanceOf(UnsafeFileException.class).hasMessageContaining("outside");
        assertThat(SafePaths.isSha256("a".repeat(64))).isTrue();
        assertThat(SafePaths.isSha256("../../x")).isFalse();
        assertThat(SafePaths.isPlainFileName("../x.whl")).isFalse();
        assertThat(SafePaths.isPlainFileName("..")).isFalse();
        assertThat(SafePaths.isPlainFileName("a\\b.whl")).isFalse();
        assertThat(SafePaths.isPlainFileName("six-1.16.0-py2.py3-none-any.whl")).isTrue();
    }

    @Test
    void theBoundedReaderStopsAtItsCap() throws Exception {
        Path big = Files.write(tmp.resolve("big.txt"), new byte[1000]);
        assertThatThrownBy(() -> InputFiles.readBytes(big, 999, "the file")).isInstanceOf(UnsafeFileException.class)
                .hasMessageContaining("limit of 999 bytes");
        assertThat(InputFiles.readBytes(big, 1000, "the file")).hasSize(1000);
        assertThat(InputFiles.decode("\uFEFF{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("{}");
    }
}
