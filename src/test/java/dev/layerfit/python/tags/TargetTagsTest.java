package dev.layerfit.python.tags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TargetTagsTest {

    private final TargetTags py312 = TargetTags.forTarget("3.12", "x86_64", 2, 34);

    @Test
    void platformsRunDownWithLegacyAliases() {
        assertThat(py312.platforms()).startsWith("manylinux_2_34_x86_64")
                .containsSubsequence("manylinux_2_17_x86_64", "manylinux2014_x86_64", "manylinux_2_16_x86_64")
                .containsSubsequence("manylinux_2_5_x86_64", "manylinux1_x86_64", "linux_x86_64")
                .endsWith("linux_x86_64");
        assertThat(TargetTags.forTarget("3.12", "aarch64", 2, 26).platforms())
                .containsExactly("manylinux_2_26_aarch64", "manylinux_2_25_aarch64", "manylinux_2_24_aarch64",
                        "manylinux_2_23_aarch64", "manylinux_2_22_aarch64", "manylinux_2_21_aarch64",
                        "manylinux_2_20_aarch64", "manylinux_2_19_aarch64", "manylinux_2_18_aarch64",
                        "manylinux_2_17_aarch64", "manylinux2014_aarch64", "linux_aarch64");
    }

    @Test
    void prefersSpecificWheels() {
        WheelFilename binary = WheelFilename.parse("numpy-2.1.3-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl");
        WheelFilename pure = WheelFilename.parse("six-1.16.0-py2.py3-none-any.whl");
        WheelFilename abi3 = WheelFilename.parse("cryptography-44.0.0-cp39-abi3-manylinux_2_28_x86_64.whl");
        assertThat(py312.priority(binary)).hasValue(py312.tags().indexOf(new Tag("cp312", "cp312", "manylinux_2_17_x86_64")));
        assertThat(py312.priority(binary).getAsInt()).isLessThan(py312.priority(abi3).getAsInt());
        assertThat(py312.priority(abi3).getAsInt()).isLessThan(py312.priority(pure).getAsInt());
        assertThat(py312.priority(WheelFilename.parse("x-1.0-cp312-cp312-win_amd64.whl"))).isEmpty();
        assertThat(py312.tags().get(0)).hasToString("cp312-cp312-manylinux_2_34_x86_64");
        assertThat(py312.tags().get(py312.tags().size() - 1)).hasToString("py30-none-any");
    }

    @Test
    void wheelNamesParseOrSayWhatIsWrong() {
        WheelFilename w = WheelFilename.parse("Cmeel_Boost-1.90.0-7b-py2.py3-none-any.whl");
        assertThat(w.name()).isEqualTo("cmeel-boost");
        assertThat(w.buildNumber()).isEqualTo(BigInteger.valueOf(7));
        assertThat(w.buildSuffix()).isEqualTo("b");
        assertThat(w.tags()).extracting(Tag::toString).containsExactly("py2-none-any", "py3-none-any");
        assertThatThrownBy(() -> WheelFilename.parse("de__mo-1.0-py3-none-any.whl"))
                .isInstanceOf(InvalidWheelFilenameException.class).hasMessageContaining("invalid project name");
        assertThatThrownBy(() -> WheelFilename.parse("demo-1.0-x-py3-none-any.whl"))
                .hasMessageContaining("invalid build number");
        assertThatThrownBy(() -> WheelFilename.parse("demo-1.0-py3-none-any.tar.gz")).hasMessageContaining(".whl");
    }
}
