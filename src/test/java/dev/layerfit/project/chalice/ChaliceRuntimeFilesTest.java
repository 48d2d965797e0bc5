package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerfit.archive.DeterministicZipWriter.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chalice's runtime files ({@code _iter_app_filenames}: {@code inspect.getfile(chalice.app)} and
 * {@code inspect.getfile(chalice)}): the deploying python3's own Chalice when it has one (found by running it), else
 * the known sizes of the version requirements.txt pins, else those of the newest release layerfit knows, said in a note.
 */
class ChaliceRuntimeFilesTest {

    @TempDir
    Path tmp;

    private String savedCache;

    @BeforeEach
    void cache() {
        savedCache = System.getProperty("layerfit.cache.dir");
        System.setProperty("layerfit.cache.dir", tmp.resolve("cache").toString());
    }

    @AfterEach
    void restore() {
        if (savedCache == null) {
            System.clearProperty("layerfit.cache.dir");
        } else {
            System.setProperty("layerfit.cache.dir", savedCache);
        }
    }

    @Test
    void theDeployingPythonsOwnChaliceWinsOverThePin() throws Exception {
        assumeTrue(DeployingMachine.detect().isPresent(), "SKIPPED: no python3 on PATH to run as the deploying machine");
        // a python3 whose sys.path has a Chalice 1.31.2 (a stand-in package with Chalice's two module files)
        Path site = Files.createDirectories(tmp.resolve("site/chalice"));
        Files.writeString(site.resolve("__init__.py"), "__version__ = '1.31.2'\n");
        Files.writeString(site.resolve("app.py"), "# chalice.app\n" + "x = 1\n".repeat(200));
        Path python = tmp.resolve("python3");
        Files.writeString(python, "#!/bin/sh\nPYTHONPATH='" + tmp.resolve("site") + "' exec python3 \"$@\"\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwxr-xr-x"));
        DeployingMachine machine = DeployingMachine.detect(python.toString()).orElseThrow();
        assertThat(machine.chaliceVersion()).isEqualTo("1.31.2");
        assertThat(machine.description()).contains("Chalice 1.31.2");

        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "chalice==1.32.0\n");
        ChaliceRuntimeFiles files = ChaliceRuntimeFiles.of(requirements, machine);
        assertThat(files.real()).isTrue();
        assertThat(files.version()).isEqualTo("1.31.2");
        assertThat(files.note()).isNull();
        assertThat(files.files()).extracting(Source::name).containsExactly("chalice/app.py", "chalice/__init__.py");
        assertThat(Files.size(files.files().get(0).file())).isEqualTo(Files.size(site.resolve("app.py")));
        assertThat(Files.readString(files.files().get(1).file())).isEqualTo("__version__ = '1.31.2'\n");
    }

    @Test
    void withoutAnInstalledChaliceThePinOrTheNewestKnownReleaseIsCountedAndSaid() throws Exception {
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "requests\nchalice==1.32.0\n");
        ChaliceRuntimeFiles pinned = ChaliceRuntimeFiles.of(requirements, null);
        assertThat(pinned.real()).isFalse();
        assertThat(pinned.note()).isEqualTo("Chalice 1.32.0 (pinned in requirements.txt) is not installed for python3 here, so its"
                + " runtime files are counted at their known sizes");
        assertThat(Files.size(pinned.files().get(0).file())).isEqualTo(90_370);
        assertThat(Files.size(pinned.files().get(1).file())).isEqualTo(548);

        Files.writeString(requirements, "chalice==1.20.0\n");
        assertThat(ChaliceRuntimeFiles.of(requirements, null).note()).isEqualTo("requirements.txt pins Chalice 1.20.0, whose "
                + "runtime file sizes layerfit does not know; counted those of 1.32.0, the newest release it knows");
        Files.writeString(requirements, "requests\n");
        ChaliceRuntimeFiles newest = ChaliceRuntimeFiles.of(requirements, null);
        assertThat(newest.version()).isEqualTo("1.32.0");
        assertThat(newest.note()).contains("newest release layerfit knows");
    }
}
