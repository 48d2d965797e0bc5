package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.OwnCacheExtension;
import dev.layerfit.error.BadInputException;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.pipeline.BuildCache;
import dev.layerfit.python.index.IndexFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The zips Chalice's packagers write, entry by entry: requirements unzipped whole with .data handled as Chalice
 * does, Chalice's runtime files, app.py and chalicelib/ (links as os.walk treats them), vendor/ after the packages
 * (a duplicate stored twice, a linked folder followed), the managed layer's prefix and its dropping when empty.
 */
class ChalicePackagerTest {

    @RegisterExtension
    final OwnCacheExtension cache = new OwnCacheExtension();

    @TempDir
    Path tmp;

    private Path project;
    private ChalicePackager packager;
    private ChaliceRuntimeFiles runtimeFiles;
    private ChaliceDependencyBuilder.Plan plan;

    @BeforeEach
    void project() throws Exception {
        project = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(project.resolve("app.py"), "from chalice import Chalice\napp = Chalice(app_name='t')\n"); // 56
        Files.createDirectories(project.resolve("chalicelib"));
        Files.writeString(project.resolve("chalicelib/__init__.py"), "");
        Files.writeString(project.resolve("chalicelib/util.py"), "U = 1\n"); // 6
        Path shared = Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(shared.resolve("real.py"), "REAL = 'x'\n"); // 11
        Files.createSymbolicLink(project.resolve("chalicelib/linked.py"), shared.resolve("real.py"));
        Files.createSymbolicLink(project.resolve("chalicelib/linkdir"), shared);
        Files.createDirectories(project.resolve("vendor/mylib"));
        Files.writeString(project.resolve("vendor/mylib/__init__.py"), "M\n"); // 2
        Files.writeString(project.resolve("vendor/tinysix.py"), "# vendored six\n"); // 15
        Path external = Files.createDirectories(tmp.resolve("external"));
        Files.writeString(external.resolve("e.py"), "E = 1\n"); // 6
        Files.createSymbolicLink(project.resolve("vendor/ext"), external);

        WheelShelf shelf = new WheelShelf(tmp.resolve("simple"));
        Path wheel = shelf.wheel("tinysix", "1.16.0", "py2.py3-none-any", Map.of(
                "tinysix.py", "# six\n", // 6
                "tinysix-1.16.0.data/purelib/extra.py", "X = 1\n", // 6
                "tinysix-1.16.0.data/scripts/tool", "#!/bin/sh\n", // 10
                "chalice/fake.py", "skipped\n"));
        IndexFile file = new IndexFile(wheel.getFileName().toString(), wheel.toUri(), "0".repeat(64), null, false, null, false, null,
                "test");
        plan = new ChaliceDependencyBuilder.Plan(List.of(new ChaliceDependencyBuilder.Wheel("tinysix", "1.16.0", file, wheel, "test")),
                List.of(), List.of());
        packager = new ChalicePackager(new BuildCache(cache.dir().resolve("builds")), "test");
        runtimeFiles = ChaliceRuntimeFiles.synthetic("1.32.0", "test");
    }

    private static List<String> entries(Path zip) throws Exception {
        List<String> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (ZipEntry e : Collections.list(z.entries())) {
                out.add(e.getName() + " " + e.getSize());
            }
        }
        return out;
    }

    private static final String METADATA = "Metadata-Version: 2.1\nName: tinysix\nVersion: 1.16.0\n";
    private static final String WHEEL = "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\n";

    @Test
    void automaticLayerOffPutsPackagesRuntimeFilesAppAndVendorInTheFunctionZip() throws Exception {
        ChalicePackager.Built built = packager.build(ChalicePackager.Kind.FUNCTION, project, plan, PythonRuntime.forName("python3.12"),
                runtimeFiles, f -> { throw new AssertionError("local wheel"); }).orElseThrow();

        assertThat(entries(built.zip())).containsExactly(
                "extra.py 6",
                "tinysix.py 6",
                "tinysix-1.16.0.data/scripts/tool 10",
                "tinysix-1.16.0.dist-info/METADATA " + METADATA.length(),
                "tinysix-1.16.0.dist-info/RECORD 0",
                "tinysix-1.16.0.dist-info/WHEEL " + WHEEL.length(),
                "chalice/app.py 90370",
                "chalice/__init__.py 548",
                "app.py 56",
                "chalicelib/__init__.py 0",
                "chalicelib/linked.py 11",
                "chalicelib/util.py 6",
                "tinysix.py 15",
                "ext/e.py 6",
                "mylib/__init__.py 2");
        long expected = 6 + 6 + 10 + METADATA.length() + WHEEL.length() + 90_370 + 548 + 56 + 11 + 6 + 15 + 6 + 2;
        assertThat(built.unzippedBytes()).isEqualTo(expected);
        assertThat(built.entries()).isEqualTo(15);
        assertThat(built.zippedBytes()).isEqualTo(Files.size(built.zip()));
        assertThat(built.duplicates()).containsExactly("tinysix.py");
        assertThat(built.cached()).isFalse();

        ChalicePackager.Built again = packager.build(ChalicePackager.Kind.FUNCTION, project, plan, PythonRuntime.forName("python3.12"),
                runtimeFiles, f -> null).orElseThrow();
        assertThat(again.cached()).isTrue();
        assertThat(again.zip()).isEqualTo(built.zip());
        assertThat(again.duplicates()).containsExactly("tinysix.py");

        // another runtime is another cache entry: the first zip stays as it was
        ChalicePackager.Built other = packager.build(ChalicePackager.Kind.MANAGED_LAYER, project, plan, PythonRuntime.forName("python3.11"),
                runtimeFiles, f -> null).orElseThrow();
        assertThat(other.zip()).isNotEqualTo(built.zip());
        assertThat(entries(built.zip())).hasSize(15);
    }

    @Test
    void automaticLayerOnSplitsAppCodeFromTheManagedLayer() throws Exception {
        ChalicePackager.Built app = packager.build(ChalicePackager.Kind.APP_ONLY, project, plan, PythonRuntime.forName("python3.12"),
                runtimeFiles, f -> null).orElseThrow();
        assertThat(entries(app.zip())).containsExactly("chalice/app.py 90370", "chalice/__init__.py 548", "app.py 56",
                "chalicelib/__init__.py 0", "chalicelib/linked.py 11", "chalicelib/util.py 6");

        ChalicePackager.Built layer = packager.build(ChalicePackager.Kind.MANAGED_LAYER, project, plan, PythonRuntime.forName("python3.12"),
                runtimeFiles, f -> null).orElseThrow();
        String p = "python/lib/python3.12/site-packages/";
        assertThat(entries(layer.zip())).containsExactly(p + "extra.py 6", p + "tinysix.py 6", p + "tinysix-1.16.0.data/scripts/tool 10",
                p + "tinysix-1.16.0.dist-info/METADATA " + METADATA.length(), p + "tinysix-1.16.0.dist-info/RECORD 0",
                p + "tinysix-1.16.0.dist-info/WHEEL " + WHEEL.length(), p + "tinysix.py 15", p + "ext/e.py 6", p + "mylib/__init__.py 2");
        assertThat(layer.duplicates()).containsExactly(p + "tinysix.py");
    }

    @Test
    void anEmptyManagedLayerIsDroppedAsChaliceDrops() throws Exception {
        Path bare = Files.createDirectories(tmp.resolve("bare"));
        Files.writeString(bare.resolve("app.py"), "x = 1\n");
        Files.writeString(bare.resolve("requirements.txt"), "# only comments\n");
        Files.createDirectories(bare.resolve("vendor/empty"));
        Files.writeString(bare.resolve("vendor/empty/blank.py"), "");
        assertThat(packager.build(ChalicePackager.Kind.MANAGED_LAYER, bare, ChaliceDependencyBuilder.Plan.empty(),
                PythonRuntime.forName("python3.12"), runtimeFiles, f -> null)).isEmpty();
        // and again from the cache
        assertThat(packager.build(ChalicePackager.Kind.MANAGED_LAYER, bare, ChaliceDependencyBuilder.Plan.empty(),
                PythonRuntime.forName("python3.12"), runtimeFiles, f -> null)).isEmpty();
    }

    @Test
    void aVendorLinkLoopAndABrokenLinkAreClearErrors() throws Exception {
        Files.createSymbolicLink(project.resolve("vendor/mylib/back"), project.resolve("vendor"));
        assertThatThrownBy(() -> packager.build(ChalicePackager.Kind.FUNCTION, project, plan, PythonRuntime.forName("python3.12"),
                runtimeFiles, f -> null)).isInstanceOf(BadInputException.class).hasMessageContaining("vendor/mylib/back links back to")
                .hasMessageContaining("remove the link");
        Files.delete(project.resolve("vendor/mylib/back"));
        Files.createSymbolicLink(project.resolve("vendor/gone.py"), tmp.resolve("nowhere.py"));
        assertThatThrownBy(() -> packager.build(ChalicePackager.Kind.FUNCTION, project, plan, PythonRuntime.forName("python3.12"),
                runtimeFiles, f -> null)).isInstanceOf(BadInputException.class).hasMessageContaining("gone.py is a broken symbolic link");
        // refused before anything is written
        assertThat(cache.dir().resolve("builds")).doesNotExist();
    }
}
