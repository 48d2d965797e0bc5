package dev.layerfit.python.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.archive.DeterministicZipWriter;
import dev.layerfit.archive.WrittenZip;
import dev.layerfit.archive.ZipIndex;
import dev.layerfit.error.LayerfitException;
import dev.layerfit.lambda.PythonRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelInstallerTest {

    @TempDir
    Path tmp;

    private Path demoWheel() throws IOException {
        return new TestWheel("demo", "1.0")
                .file("demo/__init__.py", "from .core import x\n")
                .file("demo/core.py", "x = 1\n")
                .file("demo-1.0.data/purelib/demo_pure.py", "PURE = True\n")
                .file("demo-1.0.data/platlib/demo_plat/__init__.py", "PLAT = True\n")
                .file("demo-1.0.data/scripts/demo-cli", "#!python\nprint('hi')\n")
                .file("demo-1.0.data/headers/demo.h", "int demo;\n")
                .file("demo-1.0.data/data/share/demo.txt", "data\n")
                .writeTo(tmp, "demo-1.0-py3-none-any.whl");
    }

    @Test
    void mergesPurelibAndPlatlibLeavesOutScriptsHeadersDataAndRewritesRecordAsPipDoes() throws IOException {
        InstallResult result = WheelInstaller.install(List.of(demoWheel()), tmp.resolve("layer"), LayerLayout.python());
        Path site = tmp.resolve("layer/python");
        assertThat(result.siteDir()).isEqualTo(site);
        assertThat(tree(tmp.resolve("layer")).keySet()).containsExactly(
                "python/demo-1.0.dist-info/INSTALLER", "python/demo-1.0.dist-info/METADATA", "python/demo-1.0.dist-info/RECORD",
                "python/demo-1.0.dist-info/WHEEL", "python/demo/__init__.py", "python/demo/core.py",
                "python/demo_plat/__init__.py", "python/demo_pure.py");
        assertThat(site.resolve("demo-1.0.dist-info/INSTALLER")).hasContent("layerfit");
        String record = Files.readString(site.resolve("demo-1.0.dist-info/RECORD"));
        assertThat(record).isEqualTo(String.join("\r\n",
                "demo-1.0.dist-info/INSTALLER,sha256=" + TestWheel.hash("layerfit\n".getBytes(StandardCharsets.UTF_8)) + ",9",
                "demo-1.0.dist-info/METADATA,sha256=" + TestWheel.hash(Files.readAllBytes(site.resolve("demo-1.0.dist-info/METADATA")))
                        + "," + Files.size(site.resolve("demo-1.0.dist-info/METADATA")),
                "demo-1.0.dist-info/RECORD,,",
                "demo-1.0.dist-info/WHEEL,sha256=" + TestWheel.hash(Files.readAllBytes(site.resolve("demo-1.0.dist-info/WHEEL")))
                        + "," + Files.size(site.resolve("demo-1.0.dist-info/WHEEL")),
                "demo/__init__.py,sha256=" + TestWheel.hash("from .core import x\n".getBytes(StandardCharsets.UTF_8)) + ",20",
                "demo/core.py,sha256=" + TestWheel.hash("x = 1\n".getBytes(StandardCharsets.UTF_8)) + ",6",
                "demo_plat/__init__.py,sha256=" + TestWheel.hash("PLAT = True\n".getBytes(StandardCharsets.UTF_8)) + ",12",
                "demo_pure.py,sha256=" + TestWheel.hash("PURE = True\n".getBytes(StandardCharsets.UTF_8)) + ",12") + "\r\n");
        assertThat(result.notes()).hasSize(3).anyMatch(n -> n.contains("demo-1.0.data/scripts/") && n.contains("1 file "));
        assertThat(result.wheels()).singleElement().satisfies(w -> assertThat(w.files()).isEqualTo(8));
        assertThat(siblings()).containsExactly("demo-1.0-py3-none-any.whl", "layer");
    }

    @Test
    void sitePackagesLayoutPutsPackagesUnderTheRuntimesVersion() throws IOException {
        LayerLayout layout = LayerLayout.sitePackages(PythonRuntime.forName("python3.12"));
        WheelInstaller.install(List.of(demoWheel()), tmp.resolve("layer"), layout);
        assertThat(tmp.resolve("layer/python/lib/python3.12/site-packages/demo/core.py")).hasContent("x = 1");
    }

    @Test
    void predictionEqualsTheInstalledTreeAndItsZip() throws IOException {
        Path other = new TestWheel("other", "2.0").file("other.py", "import demo\n".repeat(100)).writeTo(tmp, "other-2.0-py3-none-any.whl");
        for (LayerLayout layout : List.of(LayerLayout.python(), LayerLayout.sitePackages(PythonRuntime.forName("python3.11")))) {
            Path layer = tmp.resolve("layer-" + layout.sitePrefix().length());
            WheelInstaller.install(List.of(demoWheel(), other), layer, layout);
            InstalledSize predicted = InstalledSize.combine(List.of(InstalledSize.predict(demoWheel(), layout),
                    InstalledSize.predict(other, layout)));
            assertThat(predicted.files()).isEqualTo(tree(layer));
            WrittenZip zip = DeterministicZipWriter.create().write(layer, tmp.resolve(layer.getFileName() + ".zip"));
            try (ZipIndex index = ZipIndex.open(zip.path())) {
                assertThat(index.unzippedBytes()).isEqualTo(predicted.unzippedBytes());
                assertThat(index.entryCount()).isEqualTo(predicted.entries());
            }
        }
    }

    @Test
    void aFileThatDoesNotMatchRecordFailsNamingWheelAndFileAndLeavesNothing() throws IOException {
        Path bad = new TestWheel("bad", "1.0").file("bad/__init__.py", "x = 1\n")
                .recordAs("bad/__init__.py", "sha256=" + TestWheel.hash("x = 2\n".getBytes(StandardCharsets.UTF_8)) + ",6")
                .writeTo(tmp, "bad-1.0-py3-none-any.whl");
        assertThatThrownBy(() -> WheelInstaller.install(List.of(demoWheel(), bad), tmp.resolve("layer"), LayerLayout.python()))
                .isInstanceOf(BadWheelException.class).hasMessageContaining("bad-1.0-py3-none-any.whl")
                .hasMessageContaining("bad/__init__.py")
                .satisfies(e -> assertThat(((LayerfitException) e).kind().exitCode()).isEqualTo(2));
        assertThat(siblings()).containsExactly("bad-1.0-py3-none-any.whl", "demo-1.0-py3-none-any.whl");
    }

    @Test
    void aSizeThatDoesNotMatchRecordIsRefusedBeforeWriting() throws IOException {
        Path bad = new TestWheel("bad", "1.0").file("bad/__init__.py", "x = 1\n")
                .recordAs("bad/__init__.py", "sha256=" + TestWheel.hash("x = 1\n".getBytes(StandardCharsets.UTF_8)) + ",7")
                .writeTo(tmp, "bad-1.0-py3-none-any.whl");
        assertThatThrownBy(() -> InstalledSize.predict(bad, LayerLayout.python())).isInstanceOf(BadWheelException.class)
                .hasMessageContaining("6 bytes but RECORD says 7");
    }

    @Test
    void unsafePathsFilesMissingFromRecordAndWeakHashesAreRefusedBeforeAnythingIsWritten() throws IOException {
        List<TestWheel> wheels = List.of(
                new TestWheel("evil", "1.0").unrecorded("../escape.py", "x"),
                new TestWheel("evil", "1.0").unrecorded("/etc/cron.d/evil", "x"),
                new TestWheel("evil", "1.0").unrecorded("evil/../../up.py", "x"),
                new TestWheel("evil", "1.0").unrecorded("evil/unlisted.py", "x"),
                new TestWheel("evil", "1.0").file("evil/md5.py", "x").recordAs("evil/md5.py", "md5=abc,1"),
                new TestWheel("evil", "1.0").file("evil/nohash.py", "x").recordAs("evil/nohash.py", ",1"));
        List<String> expected = List.of("'..'", "absolute path", "'..'", "not listed in the wheel's RECORD", "sha256 or stronger",
                "no hash");
        for (int i = 0; i < wheels.size(); i++) {
            Path wheel = wheels.get(i).writeTo(tmp, "evil-1.0-py3-none-any.whl");
            assertThatThrownBy(() -> WheelInstaller.install(List.of(wheel), tmp.resolve("layer"), LayerLayout.python()))
                    .isInstanceOf(BadWheelException.class).hasMessageContaining(expected.get(i));
            assertThat(siblings()).containsExactly("evil-1.0-py3-none-any.whl");
        }
    }

    @Test
    void symlinkEntriesAreRefused() throws IOException {
        Path wheel = tmp.resolve("link-1.0-py3-none-any.whl");
        Files.write(wheel, SymlinkZip.withSymlink("link/evil", "/etc/passwd", "link-1.0.dist-info/RECORD"));
        assertThatThrownBy(() -> WheelInstaller.install(List.of(wheel), tmp.resolve("layer"), LayerLayout.python()))
                .isInstanceOf(BadWheelException.class).hasMessageContaining("symbolic link");
        assertThat(tmp.resolve("layer")).doesNotExist();
    }

    @Test
    void twoWheelsWritingOnePathConflictUnlessTheContentsAreTheSame() throws IOException {
        Path a = new TestWheel("a", "1.0").file("shared/__init__.py", "A\n").file("same.txt", "same\n").writeTo(tmp, "a-1.0-py3-none-any.whl");
        Path b = new TestWheel("b", "1.0").file("shared/__init__.py", "B\n").writeTo(tmp, "b-1.0-py3-none-any.whl");
        Path c = new TestWheel("c", "1.0").file("same.txt", "same\n").writeTo(tmp, "c-1.0-py3-none-any.whl");
        assertThatThrownBy(() -> WheelInstaller.install(List.of(a, b), tmp.resolve("layer"), LayerLayout.python()))
                .isInstanceOf(WheelConflictException.class)
                .hasMessageContaining("b-1.0-py3-none-any.whl and a-1.0-py3-none-any.whl both install shared/__init__.py");
        InstallResult ok = WheelInstaller.install(List.of(a, c), tmp.resolve("layer"), LayerLayout.python());
        assertThat(ok.notes()).anyMatch(n -> n.contains("same.txt") && n.contains("written once"));
        assertThat(tmp.resolve("layer/python/same.txt")).hasContent("same");
    }

    @Test
    void refusesAnOutputFolderThatHasFiles() throws IOException {
        Files.createDirectories(tmp.resolve("layer"));
        Files.writeString(tmp.resolve("layer/keep.txt"), "mine");
        assertThatThrownBy(() -> WheelInstaller.install(List.of(demoWheel()), tmp.resolve("layer"), LayerLayout.python()))
                .hasMessageContaining("not an empty folder");
        assertThat(tmp.resolve("layer/keep.txt")).hasContent("mine");
    }

    private List<String> siblings() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every regular file below {@code root}, layer-relative path to size. */
    static Map<String, Long> tree(Path root) throws IOException {
        Map<String, Long> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.size(p));
            }
        }
        return out;
    }
}
