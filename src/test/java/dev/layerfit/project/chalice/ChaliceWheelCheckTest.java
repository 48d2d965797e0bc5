package dev.layerfit.project.chalice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Chalice's own wheel test (packager.py DependencyBuilder._is_compatible_wheel_filename), case by case. */
class ChaliceWheelCheckTest {

    @Test
    void manylinuxTagsAreHeldToChalicesGlibcTableNotTheRuntimes() {
        assertThat(ChaliceWheelCheck.compatible("cp311", "numpy-2.4.6-cp311-cp311-manylinux_2_28_x86_64.whl")).isFalse();
        assertThat(ChaliceWheelCheck.compatible("cp311",
                "numpy-2.1.3-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl")).isTrue();
        assertThat(ChaliceWheelCheck.compatible("cp311", "x-1-cp311-cp311-manylinux_2_26_x86_64.whl")).isTrue();
        // python3.12 runs glibc 2.34, but Chalice's _RUNTIME_GLIBC says 2.26 for cp312
        assertThat(ChaliceWheelCheck.compatible("cp312", "x-1-cp312-cp312-manylinux_2_28_x86_64.whl")).isFalse();
        // an ABI missing from _RUNTIME_GLIBC falls back to (2, 17)
        assertThat(ChaliceWheelCheck.compatible("cp313", "x-1-cp313-cp313-manylinux_2_17_x86_64.whl")).isTrue();
        assertThat(ChaliceWheelCheck.compatible("cp313", "x-1-cp313-cp313-manylinux_2_24_x86_64.whl")).isFalse();
        assertThat(ChaliceWheelCheck.glibcFor("cp312")).isEqualTo("2.26");
        assertThat(ChaliceWheelCheck.glibcFor("cp313")).isEqualTo("2.17");
    }

    @Test
    void abisAndPlatformsAsChaliceReadsThem() {
        assertThat(ChaliceWheelCheck.compatible("cp311", "cryptography-50.0.2-cp39-abi3-manylinux_2_28_x86_64.whl")).isFalse();
        assertThat(ChaliceWheelCheck.compatible("cp311", "cryptography-44.0.0-cp39-abi3-manylinux_2_17_x86_64.whl")).isTrue();
        assertThat(ChaliceWheelCheck.compatible("cp311", "six-1.16.0-py2.py3-none-any.whl")).isTrue();
        assertThat(ChaliceWheelCheck.compatible("cp311", "x-1-cp310-cp310-manylinux_2_17_x86_64.whl")).isFalse();
        assertThat(ChaliceWheelCheck.compatible("cp311", "x-1-cp311-cp311-linux_x86_64.whl")).isTrue();
        assertThat(ChaliceWheelCheck.compatible("cp311", "x-1-cp311-cp311-macosx_11_0_arm64.whl")).isFalse();
        // Chalice does not look at the architecture of a perennial manylinux tag, and maps only x86_64 legacy names
        assertThat(ChaliceWheelCheck.compatible("cp311", "x-1-cp311-cp311-manylinux_2_17_aarch64.whl")).isTrue();
        assertThat(ChaliceWheelCheck.compatible("cp311", "x-1-cp311-cp311-manylinux2014_aarch64.whl")).isFalse();
    }

    @Test
    void runtimeMapsAsConfigLambdaPythonVersion() {
        assertThat(ChalicePython.lambdaPythonVersion("3.11")).isEqualTo("python3.11");
        assertThat(ChalicePython.lambdaPythonVersion("3.8")).isEqualTo("python3.9");
        assertThat(ChalicePython.lambdaPythonVersion("3.14")).isEqualTo("python3.13");
        DeployingMachine m = DeployingMachine.fromFlags("ubuntu-24.04", null, null, null).orElseThrow();
        ChalicePython chosen = ChalicePython.choose((String) null, m);
        assertThat(chosen.runtime().name()).isEqualTo("python3.12");
        assertThat(chosen.why()).contains("ubuntu-24.04").contains("lambda_python_version");
        assertThat(ChalicePython.choose("python3.11", m).why()).isEqualTo("--runtime python3.11");
        ChalicePython fallback = ChalicePython.choose((String) null, null);
        assertThat(fallback.runtime().name()).isEqualTo("python3.12");
        assertThat(fallback.why()).contains("no python3 on PATH");
    }
}
