package dev.layerfit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFileSourceTest {

    @TempDir
    Path tmp;

    @Test
    void readsAnyRangeAndRefusesOnePastTheEnd() throws IOException {
        byte[] bytes = new byte[100_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        Path file = Files.write(tmp.resolve("data.bin"), bytes);
        try (LocalFileSource source = LocalFileSource.open(file)) {
            assertThat(source.size()).isEqualTo(100_000);
            assertThat(source.read(99_990, 10)).containsExactly(java.util.Arrays.copyOfRange(bytes, 99_990, 100_000));
            byte[] into = new byte[20];
            source.readFully(5, into, 10, 10);
            assertThat(java.util.Arrays.copyOfRange(into, 10, 20)).containsExactly(java.util.Arrays.copyOfRange(bytes, 5, 15));
            assertThat(source.read(100_000, 0)).isEmpty();
            assertThatThrownBy(() -> source.read(99_995, 10)).isInstanceOf(EOFException.class).hasMessageContaining("data.bin");
            assertThatThrownBy(() -> source.read(-1, 1)).isInstanceOf(EOFException.class);
        }
    }
}
