package dev.layerfit.python.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tags compare part by part exactly as their text does (the order tag sets and lock files are written in). */
class TagOrderTest {

    @Test
    void partwiseOrderIsTheOrderOfTheText() {
        List<Tag> tags = new ArrayList<>();
        for (String interpreter : new String[] {"cp3", "cp31", "cp311", "cp311t", "py3", "py2.py3", "pp310", "py"}) {
            for (String abi : new String[] {"abi3", "cp311", "none", "cp31", "cp311t"}) {
                for (String platform : new String[] {"any", "linux_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64",
                    "manylinux_2_17_x86_64.manylinux2014_x86_64", "musllinux_1_1_aarch64", "macosx_11_0_arm64"}) {
                    tags.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        for (Tag a : tags) {
            for (Tag b : tags) {
                assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
            }
        }
    }
}
