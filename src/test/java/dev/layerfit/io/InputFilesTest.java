package dev.layerfit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading UTF-8 inputs strictly: the fast decoding path must not let malformed bytes through, nor mangle valid ones. */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void validTextIsReadAsItIsWithoutItsByteOrderMark() throws IOException {
        Path p = Files.write(dir.resolve("a.txt"), "\uFEFFrequests>=2 # naïve ✓\n".getBytes(StandardCharsets.UTF_8));
        assertThat(InputFiles.readUtf8(p, "the file")).isEqualTo("requests>=2 # naïve ✓\n");
    }

    @Test
    void aReplacementCharacterWrittenInTheFileIsKept() throws IOException {
        Path p = Files.write(dir.resolve("b.txt"), "x \uFFFD y".getBytes(StandardCharsets.UTF_8));
        assertThat(InputFiles.readUtf8(p, "the file")).isEqualTo("x \uFFFD y");
    }

    @Test
    void malformedBytesAreRefused() throws IOException {
        Path p = Files.write(dir.resolve("c.txt"), new byte[] {'o', 'k', (byte) 0xC3, '(', '\n'});
        assertThatThrownBy(() -> InputFiles.readUtf8(p, "the file")).isInstanceOf(MalformedInputException.class);
    }

    @Test
    void aFileOverTheCapIsRefusedAndOneAtTheCapIsRead() throws IOException {
        Path p = Files.write(dir.resolve("d.txt"), "12345".getBytes(StandardCharsets.UTF_8));
        assertThat(InputFiles.readUtf8(p, 5, "the file")).isEqualTo("12345");
        assertThatThrownBy(() -> InputFiles.readUtf8(p, 4, "the file")).isInstanceOf(UnsafeFileException.class)
                .hasMessageContaining("d.txt");
    }
}
