package dev.layerfit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.project.chalice.ChaliceManagedLayer;
import dev.layerfit.lambda.PythonTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chalice's managed layer as layerfit computes it: requirements.txt plus vendor/, site-packages layout, cached. */
class ChaliceManagedLayerTest {

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
    void requirementsAndVendorGoIntoSitePackagesAndASecondCheckReusesTheBuild() throws Exception {
        FakeIndex index = new FakeIndex(tmp.resolve("simple"));
        index.addWheel("demo", "1.0", FakeIndex.files("demo/__init__.py", "X = 1\n"), null, false);
        Path project = Files.createDirectories(tmp.resolve("app"));
        Files.writeString(project.resolve("requirements.txt"), "demo==1.0\n");
        Files.createDirectories(project.resolve("vendor/mylib"));
        Files.writeString(project.resolve("vendor/mylib/__init__.py"), "Y = 2\n");
        ChaliceManagedLayer source = new ChaliceManagedLayer(PythonTarget.of("python3.12", null, null, null), null,
                new IndexSettings(index.url(), List.of(), List.of(), false, false), "test");

        List<String> notes = new ArrayList<>();
        Path layer = source.managedLayer(project, notes);
        try (ZipFile zip = new ZipFile(layer.toFile())) {
            assertThat(zip.stream().map(ZipEntry::getName).filter(n -> !n.endsWith("/")).toList()).containsExactlyInAnyOrder(
                    "python/lib/python3.12/site-packages/demo/__init__.py",
                    "python/lib/python3.12/site-packages/mylib/__init__.py",
                    "python/lib/python3.12/site-packages/demo-1.0.dist-info/METADATA",
                    "python/lib/python3.12/site-packages/demo-1.0.dist-info/WHEEL",
                    "python/lib/python3.12/site-packages/demo-1.0.dist-info/RECORD",
                    "python/lib/python3.12/site-packages/demo-1.0.dist-info/INSTALLER");
        }
        assertThat(notes).anyMatch(n -> n.contains("requirements.txt and vendor/") && !n.contains("build cache"));

        List<String> again = new ArrayList<>();
        source.managedLayer(project, again);
        assertThat(again).anyMatch(n -> n.contains("from the build cache"));

        Files.writeString(project.resolve("vendor/mylib/__init__.py"), "Y = 3\n");
        List<String> changed = new ArrayList<>();
        source.managedLayer(project, changed);
        assertThat(changed).noneMatch(n -> n.contains("from the build cache"));
    }

    @Test
    void noRequirementsAndNoVendorMeansNoManagedLayer() {
        ChaliceManagedLayer source = new ChaliceManagedLayer(PythonTarget.of("python3.12", null, null, null), null,
                IndexSettings.none(), "test");
        List<String> notes = new ArrayList<>();
        assertThat(source.managedLayer(tmp, notes)).isNull();
        assertThat(notes).anyMatch(n -> n.contains("creates no managed layer"));
    }
}
