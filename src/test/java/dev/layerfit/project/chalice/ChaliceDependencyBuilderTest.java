package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.lambda.PythonRuntime;
import dev.layerfit.pipeline.IndexSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chalice's DependencyBuilder on hand-made wheels: versions chosen for the deploying machine, then each pinned
 * version matched against what Chalice accepts for the Lambda runtime; the rest left out with the reason.
 */
class ChaliceDependencyBuilderTest {

    @TempDir
    Path tmp;

    private String savedCache;
    private WheelShelf shelf;
    private Path requirements;

    @BeforeEach
    void setUp() throws Exception {
        savedCache = System.getProperty("layerfit.cache.dir");
        System.setProperty("layerfit.cache.dir", tmp.resolve("cache").toString());
        shelf = new WheelShelf(tmp.resolve("simple"));
        requirements = tmp.resolve("requirements.txt");
    }

    @AfterEach
    void restore() {
        if (savedCache == null) {
            System.clearProperty("layerfit.cache.dir");
        } else {
            System.setProperty("layerfit.cache.dir", savedCache);
        }
    }

    private ChaliceDependencyBuilder.Plan plan(String machine, String runtime) {
        DeployingMachine m = DeployingMachine.fromFlags(machine, null, null, null).orElseThrow();
        return new ChaliceDependencyBuilder(new IndexSettings(shelf.url(), List.of(), List.of(), false, false),
                ChaliceDependencyBuilder.SdistBuilder.NONE).plan(requirements, m, PythonRuntime.forName(runtime));
    }

    @Test
    void theMachinesPickIsKeptReplacedByAManylinux2014WheelOrLeftOut() throws Exception {
        // bignum 2.4.6: only manylinux_2_28 (fine on the Ubuntu 22.04 machine, glibc 2.35; not for python3.10 at 2.26)
        shelf.wheel("bignum", "2.4.6", "cp310-cp310-manylinux_2_28_x86_64", Map.of("bignum/__init__.py", "N = 1\n"));
        shelf.wheel("bignum", "2.3.0", "cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64", Map.of("bignum/__init__.py", "N = 0\n"));
        // quickjson 3.0: the machine prefers the manylinux_2_34 wheel; Chalice's second download finds the manylinux2014 one
        shelf.wheel("quickjson", "3.0", "cp310-cp310-manylinux_2_34_x86_64", Map.of("quickjson/__init__.py", "new\n"));
        shelf.wheel("quickjson", "3.0", "cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64", Map.of("quickjson/__init__.py", "old\n"));
        shelf.wheel("tinysix", "1.16.0", "py2.py3-none-any", Map.of("tinysix.py", "# six\n"));
        // pyrsistent is on Chalice's whitelist: shipped with the machine's wheel even though Chalice's test rejects it
        shelf.wheel("pyrsistent", "6.0", "cp310-cp310-manylinux_2_35_x86_64", Map.of("yaml/__init__.py", "Y\n"));
        // an sdist Chalice would build
        shelf.wheel("fastthing", "1.0", "cp310-cp310-manylinux_2_35_x86_64", Map.of("fastthing.py", "F\n"));
        shelf.sdist("fastthing", "1.0");
        Files.writeString(requirements, "# deps\nbignum\nquickjson==3.0\ntinysix\npyrsistent\nfastthing\n");

        ChaliceDependencyBuilder.Plan plan = plan("ubuntu-22.04", "python3.10");

        assertThat(plan.wheels()).extracting(w -> w.name() + "==" + w.version() + " " + w.file().filename() + " (" + w.how() + ")")
                .containsExactly(
                        "pyrsistent==6.0 pyrsistent-6.0-cp310-cp310-manylinux_2_35_x86_64.whl (Chalice's whitelist)",
                        "quickjson==3.0 quickjson-3.0-cp310-cp310-manylinux_2_17_x86_64.manylinux2014_x86_64.whl (pip download --platform manylinux2014_x86_64)",
                        "tinysix==1.16.0 tinysix-1.16.0-py2.py3-none-any.whl (pip download)");
        assertThat(plan.leftOut()).extracting(ChaliceDependencyBuilder.Omission::reason).containsExactly(
                "bignum 2.4.6 has wheels only for manylinux_2_28; python3.10 runs glibc 2.26");
        assertThat(plan.omissions()).filteredOn(ChaliceDependencyBuilder.Omission::wouldBuild)
                .extracting(ChaliceDependencyBuilder.Omission::reason).singleElement().asString()
                .isEqualTo("fastthing 1.0 has wheels only for manylinux_2_35; python3.10 runs glibc 2.26, so Chalice tries to build "
                        + "fastthing-1.0.tar.gz with pip wheel on the deploying machine and ships it only if that works; layerfit "
                        + "did not build it (its wheels are platform-specific, so the sdist has native code, which layerfit does not"
                        + " compile), so its files are not counted");
        assertThat(plan.notes()).anyMatch(n -> n.contains("ubuntu-22.04"));
    }

    @Test
    void python312IsHeldToChalices226AndOtherAbisAreNamed() throws Exception {
        shelf.wheel("cryptox", "50.0.2", "cp39-abi3-manylinux_2_28_x86_64", Map.of("cryptox/__init__.py", "C\n"));
        shelf.wheel("onlynew", "1.0", "cp313-cp313-manylinux_2_17_x86_64", Map.of("onlynew.py", "O\n"));
        shelf.wheel("onlynew", "1.0", "cp312-cp312-manylinux_2_17_aarch64", Map.of("onlynew.py", "O\n"));
        Files.writeString(requirements, "cryptox==50.0.2\n");

        assertThat(plan("ubuntu-24.04", "python3.12").leftOut()).extracting(ChaliceDependencyBuilder.Omission::reason).containsExactly(
                "cryptox 50.0.2 has wheels only for manylinux_2_28; Chalice checks python3.12 wheels against glibc 2.26 "
                        + "(its _RUNTIME_GLIBC), though the runtime has 2.34");

        // the arm64 machine resolves onlynew to its aarch64 wheel, which Chalice's test accepts (it ignores the
        // architecture); an x86_64 machine finds no cp312 wheel Chalice's second download can use
        Files.writeString(requirements, "onlynew\n");
        assertThat(plan("ubuntu-24.04-arm", "python3.12").wheels()).extracting(w -> w.file().filename())
                .containsExactly("onlynew-1.0-cp312-cp312-manylinux_2_17_aarch64.whl");
    }

    @Test
    void commentsOnlyInstallNothing() throws Exception {
        Files.writeString(requirements, "# nothing yet\n\n   # really\n");
        assertThat(ChaliceDependencyBuilder.hasAtLeastOnePackage(requirements)).isFalse();
        assertThat(plan("ubuntu-24.04", "python3.12").wheels()).isEmpty();
        assertThat(ChaliceDependencyBuilder.hasAtLeastOnePackage(tmp.resolve("missing.txt"))).isFalse();
    }
}
