package dev.layerfit.layer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.LocalIndex;
import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.python.install.InstallResult;
import dev.layerfit.python.install.InstalledSize;
import dev.layerfit.python.install.LayerLayout;
import dev.layerfit.python.install.WheelInstaller;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlimmerTest {

    private static final PythonRuntime PY312 = PythonRuntime.forName("python3.12");

    @TempDir
    Path tmp;
    Path site;

    @BeforeEach
    void makeSite() throws IOException {
        site = tmp.resolve("python");
        write("pkg/__init__.py", "from pkg.core import x\n");
        write("pkg/core.py", "x = 1\n");
        write("pkg/core.pyi", "x: int\n");
        write("pkg/tests/__init__.py", "");
        write("pkg/tests/test_core.py", "import pkg\n".repeat(10));
        write("pkg/docs/guide.txt", "read me\n".repeat(20));
        write("pkg/examples/__init__.py", "");
        write("pkg/__pycache__/core.cpython-312.pyc", "target bytecode");
        write("pkg/__pycache__/core.cpython-311.pyc", "other bytecode");
        write("pkg/__pycache__/core.cpython-312.opt-1.pyc", "target opt");
        write("pkg/old.pyo", "pyo");
        write("pkg/core.pyc", "legacy next to source");
        write("pkg/sourceless.pyc", "a module without source");
        write("used/__init__.py", "");
        write("used/test/__init__.py", "HELPER = 1\n");
        write("used/api.py", "from .test import HELPER\n");
        write("boto3/__init__.py", "boto\n");
        write("boto3-1.0.dist-info/RECORD", "boto3/__init__.py,sha256=x,5\r\n");
        write("googleapiclient/discovery_cache/documents/drive.v3.json", "{}".repeat(50));
        write("googleapiclient/discovery_cache/documents/gmail.v1.json", "{}".repeat(40));
        write("pkg-1.0.dist-info/METADATA", "Name: pkg\n");
        write("pkg-1.0.dist-info/RECORD", "pkg/__init__.py,sha256=a,23\r\npkg/core.pyi,sha256=b,7\r\n\"pkg/tests/test_core.py\",sha256=c,110\r\npkg-1.0.dist-info/RECORD,,\r\n");
    }

    @Test
    void safeRemovesBytecodeForOtherPythonsUnimportedTestsStubsAndDocsAndFixesRecord() throws IOException {
        SlimReport report = Slimmer.apply(site, SlimOptions.of(SlimProfile.SAFE, PY312));
        assertThat(report.removed()).containsExactly(
                new RuleResult("tests", 110, 2),
                new RuleResult("docs", 160, 1),
                new RuleResult("type-stubs", 7, 1),
                new RuleResult("bytecode", 14 + 3 + 21, 3),
                new RuleResult("record", "pkg/core.pyi,sha256=b,7\r\n\"pkg/tests/test_core.py\",sha256=c,110\r\n".length(), 0));
        assertThat(files()).containsExactly("boto3-1.0.dist-info/RECORD", "boto3/__init__.py",
                "googleapiclient/discovery_cache/documents/drive.v3.json", "googleapiclient/discovery_cache/documents/gmail.v1.json",
                "pkg-1.0.dist-info/METADATA", "pkg-1.0.dist-info/RECORD", "pkg/__init__.py", "pkg/__pycache__/core.cpython-312.opt-1.pyc",
                "pkg/__pycache__/core.cpython-312.pyc", "pkg/core.py", "pkg/examples/__init__.py", "pkg/sourceless.pyc",
                "used/__init__.py", "used/api.py", "used/test/__init__.py");
        assertThat(site.resolve("pkg-1.0.dist-info/RECORD")).hasContent("pkg/__init__.py,sha256=a,23\r\npkg-1.0.dist-info/RECORD,,");
        assertThat(site.resolve("pkg/tests")).doesNotExist();
    }

    @Test
    void aggressiveLeavesOutTheAwsSdkWithAWarningAndPackageRulesApplyKeepWinning() throws IOException {
        SlimOptions options = new SlimOptions(SlimProfile.AGGRESSIVE, PY312, List.of("drive.v3", "nope.v9"), List.of("*.txt"),
                List.of("pkg/docs/**"));
        SlimReport report = Slimmer.apply(site, options);
        assertThat(report.removed()).extracting(RuleResult::rule).startsWith("aws-sdk", "discovery");
        assertThat(report.removed()).contains(new RuleResult("aws-sdk", 5 + 30, 2), new RuleResult("discovery", 80, 1));
        assertThat(site.resolve("boto3")).doesNotExist();
        assertThat(site.resolve("pkg/docs/guide.txt")).exists();
        assertThat(site.resolve("googleapiclient/discovery_cache/documents/drive.v3.json")).exists();
        assertThat(report.notes()).anyMatch(n -> n.contains("boto3")).anyMatch(n -> n.contains("nope.v9"));
    }

    @Test
    void noneRemovesOnlyWhatPackageRulesAsk() throws IOException {
        SlimReport report = Slimmer.apply(site, new SlimOptions(SlimProfile.NONE, PY312, List.of(), List.of("pkg/docs/*"), List.of()));
        assertThat(report.removed()).containsExactly(new RuleResult("exclude", 160, 1));
    }

    @Test
    void dryRunGivesTheSameFileCountsFromAListWithoutTouchingDisk() throws IOException {
        Map<String, Long> sizes = new TreeMap<>();
        for (String f : files()) {
            sizes.put(f, Files.size(site.resolve(f)));
        }
        SlimOptions options = SlimOptions.of(SlimProfile.SAFE, PY312);
        SlimReport dry = Slimmer.dryRun(sizes, options);
        // the dry run cannot see that used/api.py imports used/test, so it counts that folder too
        assertThat(dry.removed()).contains(new RuleResult("tests", 110 + 11, 3), new RuleResult("type-stubs", 7, 1));
        assertThat(files()).hasSize(sizes.size());
        SlimReport real = Slimmer.apply(site, options);
        assertThat(real.removed().get(0)).isEqualTo(new RuleResult("tests", 110, 2));
    }

    @Test
    void aFolderImportedOnlyByRemovedTestsGoesTooSoSlimmingTwiceRemovesNothing() throws IOException {
        // other/tests is imported only from pkg/tests, which is left out: nothing shipped imports it any more
        write("other/__init__.py", "");
        write("other/tests/__init__.py", "FIXTURE = 1\n".repeat(8));
        write("pkg/tests/test_other.py", "from other.tests import FIXTURE\n");
        SlimOptions options = SlimOptions.of(SlimProfile.SAFE, PY312);
        Slimmer.apply(site, options);
        assertThat(site.resolve("other/tests")).doesNotExist();
        assertThat(site.resolve("used/test/__init__.py")).exists(); // used/api.py, which stays, imports it
        assertThat(Slimmer.apply(site, options).removed()).isEmpty();
        // the check's dry run, given the modules' imports, agrees: nothing more to remove
        java.util.Set<String> paths = new java.util.HashSet<>(files());
        ModuleImports imports = Slimmer.imports(paths, path -> Files.readAllBytes(site.resolve(path)));
        assertThat(Slimmer.wouldRemove(paths, options, imports)).isEmpty();
        assertThat(Slimmer.wouldRemove(paths, options, ModuleImports.NONE)).containsOnlyKeys("used/test/__init__.py");
    }

    @Test
    void realNumpyAndGoogleApiClientLayer() throws IOException {
        LocalIndex index = LocalIndex.require();
        List<Path> wheels = List.of(index.wheel("numpy", "numpy-2.4.6-"), index.wheel("google-api-python-client", "google_api_python_client-"));
        Path layer = tmp.resolve("layer");
        InstallResult installed = WheelInstaller.install(wheels, layer, LayerLayout.python());
        Map<String, Long> predicted = InstalledSize.combine(List.of(InstalledSize.predict(wheels.get(0), LayerLayout.python()),
                InstalledSize.predict(wheels.get(1), LayerLayout.python()))).siteFiles(LayerLayout.python());
        SlimOptions options = new SlimOptions(SlimProfile.SAFE, PY312, List.of("drive.v3"), List.of(), List.of());
        SlimReport dry = Slimmer.dryRun(predicted, options);
        SlimReport real = Slimmer.apply(installed.siteDir(), options);
        assertThat(real.removed()).extracting(RuleResult::rule).contains("tests", "type-stubs", "discovery", "record");
        RuleResult discovery = real.removed().stream().filter(r -> r.rule().equals("discovery")).findFirst().orElseThrow();
        assertThat(discovery.files()).isGreaterThan(100);
        assertThat(dry.removed()).contains(discovery);
        assertThat(installed.siteDir().resolve("googleapiclient/discovery_cache/documents/drive.v3.json")).exists();
        assertThat(installed.siteDir().resolve("numpy/_core/tests")).doesNotExist();
        assertThat(installed.siteDir().resolve("numpy/testing/__init__.py")).exists();
    }

    private void write(String path, String content) throws IOException {
        Path p = site.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content);
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.walk(site)) {
            return s.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).sorted().toList();
        }
    }
}
