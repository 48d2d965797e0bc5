package dev.layerfit.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files and folders are new, empty, named as asked, and removed (with their contents) by {@code delete}. */
class TempFilesTest {

    @TempDir
    Path tmp;

    @Test
    void createsNewFilesAndFoldersWithTheAskedNames() throws Exception {
        Path a = TempFiles.createFile(tmp, ".out.zip.", ".layerfit-tmp");
        Path b = TempFiles.createFile(tmp, ".out.zip.", ".layerfit-tmp");
        assertThat(a).isEmptyFile().isNotEqualTo(b).hasParent(tmp);
        assertThat(a.getFileName().toString()).startsWith(".out.zip.").endsWith(".layerfit-tmp");
        Path d = TempFiles.createFolder(tmp, "tmp-");
        assertThat(d).isEmptyDirectory();
        Files.writeString(Files.createDirectories(d.resolve("x/y")).resolve("f"), "data");
        TempFiles.delete(d);
        TempFiles.delete(a);
        assertThat(d).doesNotExist();
        assertThat(a).doesNotExist();
        assertThat(b).exists();
        TempFiles.delete(b);
    }

    @Test
    void aFolderThatCannotTakeTheFileIsAnError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TempFiles.createFile(tmp.resolve("missing"), "p", ".tmp"))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }
}
