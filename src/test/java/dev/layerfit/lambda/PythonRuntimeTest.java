package dev.layerfit.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.layerfit.error.BadInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PythonRuntimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "python3.10, Amazon Linux 2, 10, 2, 26",
        "python3.11, Amazon Linux 2, 11, 2, 26",
        "python3.12, Amazon Linux 2023, 12, 2, 34",
        "python3.13, Amazon Linux 2023, 13, 2, 34",
        "python3.14, Amazon Linux 2023, 14, 2, 34"})
    void managedRuntimesMatchTheFacts(String name, String os, int minor, int glibcMajor, int glibcMinor) {
        PythonRuntime r = PythonRuntime.forName(name);
        assertThat(r.os()).isEqualTo(os);
        assertThat(r.pythonMajor()).isEqualTo(3);
        assertThat(r.pythonMinor()).isEqualTo(minor);
        assertThat(r.glibcMajor()).isEqualTo(glibcMajor);
        assertThat(r.glibcMinor()).isEqualTo(glibcMinor);
        assertThat(r.isCustom()).isFalse();
        assertThat(r.layerSearchPaths()).containsExactly("python", "python/lib/python3." + minor + "/site-packages");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"python3.10, 3.10.19", "python3.11, 3.11.14", "python3.12, 3.12.12", "python3.13, 3.13.9",
        "python3.14, 3.14.0"})
    void managedRuntimesCarryTheirFullPythonVersion(String name, String full) {
        assertThat(PythonRuntime.forName(name).pythonFullVersion()).isEqualTo(full);
    }

    @Test
    void customTargetTakesAPatchRelease() {
        PythonRuntime r = PythonRuntime.custom("3.11.7", "2.34");
        assertThat(r.pythonVersion()).isEqualTo("3.11");
        assertThat(r.pythonFullVersion()).isEqualTo("3.11.7");
        assertThat(r.describe()).isEqualTo("custom (Python 3.11.7, glibc 2.34)");
        assertThat(PythonRuntime.custom("3.11", "2.34").pythonFullVersion()).as("X.Y is X.Y.0, as for pip").isEqualTo("3.11.0");
        assertThatThrownBy(() -> PythonRuntime.custom("3.11.7.1", "2.34")).isInstanceOf(BadInputException.class)
                .hasMessage("cannot read Python version '3.11.7.1'; give it as MAJOR.MINOR or MAJOR.MINOR.MICRO, e.g. 3.12.7");
        assertThatThrownBy(() -> PythonRuntime.custom("3.11", "2.34.1")).hasMessageContaining("give it as MAJOR.MINOR, e.g. 2.34");
    }

    @Test
    void unknownNameListsTheValidOnes() {
        assertThatThrownBy(() -> PythonRuntime.forName("python3.9"))
                .isInstanceOf(BadInputException.class)
                .hasMessage("unknown Lambda runtime 'python3.9'; use one of python3.10, python3.11, python3.12, python3.13, "
                        + "python3.14, or --python-version X.Y --glibc A.B for a container image or custom runtime");
    }

    @Test
    void customTargetFromVersions() {
        PythonRuntime r = PythonRuntime.custom("3.13", "2.28");
        assertThat(r.isCustom()).isTrue();
        assertThat(r.pythonVersion()).isEqualTo("3.13");
        assertThat(r.glibcVersion()).isEqualTo("2.28");
        assertThat(r.layerSitePackages()).isEqualTo("python/lib/python3.13/site-packages");
        assertThat(r.describe()).isEqualTo("custom (Python 3.13, glibc 2.28)");
    }

    @Test
    void customTargetRejectsBadVersions() {
        assertThatThrownBy(() -> PythonRuntime.custom("3", "2.28")).isInstanceOf(BadInputException.class)
                .hasMessageContaining("cannot read Python version '3'");
        assertThatThrownBy(() -> PythonRuntime.custom("2.7", "2.28")).hasMessageContaining("not Python 3");
        assertThatThrownBy(() -> PythonRuntime.custom("3.12", "glibc")).hasMessageContaining("cannot read glibc version");
    }

    @Test
    void targetFromFlags() {
        PythonTarget t = PythonTarget.of("python3.12", null, null, "aarch64");
        assertThat(t.arch()).isEqualTo(Architecture.ARM64);
        assertThat(t.glibcMinor()).isEqualTo(34);
        assertThat(t.describe()).isEqualTo("python3.12 (Amazon Linux 2023, glibc 2.34) on arm64");
        assertThat(PythonTarget.of(null, "3.11", "2.17", null).arch()).isEqualTo(Architecture.X86_64);
        assertThatThrownBy(() -> PythonTarget.of("python3.12", "3.12", "2.34", null)).hasMessageContaining("not both");
        assertThatThrownBy(() -> PythonTarget.of(null, "3.12", null, null)).hasMessageContaining("needs both");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x86_64, X86_64, x86_64", "amd64, X86_64, x86_64", "ARM64, ARM64, aarch64", "aarch64, ARM64, aarch64"})
    void architectureAliases(String text, Architecture expected, String machine) {
        assertThat(Architecture.parse(text)).isEqualTo(expected);
        assertThat(Architecture.parse(text).wheelMachine()).isEqualTo(machine);
    }

    @Test
    void unknownArchitecture() {
        assertThatThrownBy(() -> Architecture.parse("i686")).isInstanceOf(BadInputException.class)
                .hasMessage("unknown architecture 'i686'; use x86_64 (also amd64) or arm64 (also aarch64)");
    }
}
