package dev.layerfit.python.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.layerfit.LocalIndex;
import dev.layerfit.PythonZipfile;
import dev.layerfit.archive.DeterministicZipWriter;
import dev.layerfit.archive.FolderArtifact;
import dev.layerfit.archive.WrittenZip;
import dev.layerfit.archive.ZipIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real wheels from the local index: the prediction equals the built layer, and the tree equals pip's. */
class RealWheelInstallTest {

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "numpy, numpy-2.4.6-",
        "grpcio, grpcio-1.84.0-",
        "google-api-python-client, google_api_python_client-",
        "pydantic-core, pydantic_core-2.49.0-",
        "jmespath, jmespath-",             // .data/scripts
        "notebook-shim, notebook_shim-",   // .data/data
        "greenlet, greenlet-",             // .data/headers
        "libclang, libclang-",             // .data/platlib
    })
    void predictedSizeEqualsTheBuiltLayersUnzippedSizeAndEntries(String project, String prefix) throws IOException {
        Path wheel = LocalIndex.require().wheel(project, prefix);
        LayerLayout layout = LayerLayout.python();
        InstalledSize predicted = InstalledSize.predict(wheel, layout);
        Path layer = tmp.resolve("layer");
        WheelInstaller.install(List.of(wheel), layer, layout);
        WrittenZip zip = DeterministicZipWriter.create().write(layer, tmp.resolve("layer.zip"));
        try (ZipIndex index = ZipIndex.open(zip.path()); FolderArtifact folder = FolderArtifact.open(layer)) {
            assertThat(index.unzippedBytes()).isEqualTo(predicted.unzippedBytes()).isEqualTo(zip.unzippedBytes());
            assertThat(index.entryCount()).isEqualTo(predicted.entries());
            assertThat(folder.zippedBytes()).isEqualTo(zip.zippedBytes());
        }
        assertThat(WheelInstallerTest.tree(layer)).isEqualTo(predicted.files());
    }

    /**
     * pip 23 {@code install --no-deps --no-compile --target T} from the local index writes the same files with the same
     * sizes, except what layerfit documents it does differently: pip adds {@code REQUESTED}, console-script wrappers
     * and {@code .data/scripts|data|headers} files under T (bin/, share/, include/ ...), and RECORD rows for them
     * ({@code ../../bin/...} paths); its INSTALLER says "pip". RECORD is compared row for row once those rows are dropped.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "requests, 2.34.2, requests-2.34.2-",
        "jmespath, 1.1.0, jmespath-1.1.0-",
        "pydantic-core, 2.49.0, pydantic_core-2.49.0-",
        "numpy, 2.4.6, numpy-2.4.6-",
        "notebook-shim, 0.2.4, notebook_shim-0.2.4-",
    })
    void installedTreeIsPipsModuloDocumentedDifferences(String project, String version, String prefix) throws Exception {
        Path wheel = LocalIndex.require().wheel(project, prefix);
        assumeTrue(PythonZipfile.onPath("pip3") || PythonZipfile.onPath("pip"), "SKIPPED: pip is not installed; this test compares with pip");
        Path pipTarget = tmp.resolve("pip");
        List<String> command = new ArrayList<>(List.of(PythonZipfile.onPath("pip3") ? "pip3" : "pip", "install", "--isolated", "-q",
                "--no-deps", "--no-compile", "--no-index", "--find-links", wheel.getParent().toString(), "--target", pipTarget.toString(),
                project + "==" + version));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        Path layer = tmp.resolve("layer");
        InstallResult ours = WheelInstaller.install(List.of(wheel), layer, LayerLayout.python());
        String distInfo = ours.wheels().get(0).distInfo();
        Map<String, Long> pipFiles = new TreeMap<>(WheelInstallerTest.tree(pipTarget));
        pipFiles.keySet().removeIf(path -> path.contains("/") && !isPackagePath(path, pipTarget, ours));
        pipFiles.remove(distInfo + "/REQUESTED");
        pipFiles.remove(distInfo + "/INSTALLER");
        pipFiles.remove(distInfo + "/RECORD");
        Map<String, Long> ourFiles = new TreeMap<>();
        WheelInstallerTest.tree(ours.siteDir()).forEach(ourFiles::put);
        ourFiles.remove(distInfo + "/INSTALLER");
        ourFiles.remove(distInfo + "/RECORD");
        assertThat(ourFiles).isEqualTo(pipFiles);

        List<String> pipRows = new ArrayList<>(Files.readString(pipTarget.resolve(distInfo + "/RECORD")).lines().toList());
        pipRows.removeIf(row -> row.startsWith("../") || row.startsWith(distInfo + "/REQUESTED,") || row.startsWith(distInfo + "/INSTALLER,"));
        List<String> ourRows = new ArrayList<>(Files.readString(ours.siteDir().resolve(distInfo + "/RECORD")).lines().toList());
        ourRows.removeIf(row -> row.startsWith(distInfo + "/INSTALLER,"));
        assertThat(ourRows).isEqualTo(pipRows);
        assertThat(Files.readString(ours.siteDir().resolve(distInfo + "/RECORD"))).contains("\r\n");
    }

    /** A path of pip's target that lies in a top-level folder layerfit also wrote (pip puts bin/, share/ ... next to them). */
    private static boolean isPackagePath(String path, Path pipTarget, InstallResult ours) {
        String top = path.substring(0, path.indexOf('/'));
        return Files.isDirectory(ours.siteDir().resolve(top));
    }
}
