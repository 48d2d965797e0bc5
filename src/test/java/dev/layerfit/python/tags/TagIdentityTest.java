package dev.layerfit.python.tags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tags compare part by part exactly as their text does (the order tag sets and lock files are written in), and are equal,
 * with equal hashes, exactly when their text is (the written-out equals and hashCode).
 */
class TagIdentityTest {

    @Test
    void partwiseOrderIsTheOrderOfTheText() {
        for (Tag a : tags()) {
            for (Tag b : tags()) {
                assertThat(Integer.signum(a.compareTo(b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
            }
        }
    }

    @Test
    void equalExactlyWhenTheTextIsEqual() {
        List<Tag> tags = tags();
        for (Tag a : tags) {
            for (Tag b : tags) {
                assertThat(a.equals(b)).as("%s vs %s", a, b).isEqualTo(a.toString().equals(b.toString()));
            }
            Tag upper = new Tag(a.interpreter().toUpperCase(), a.abi().toUpperCase(), a.platform().toUpperCase());
            assertThat(upper).isEqualTo(a).hasSameHashCodeAs(a);
        }
        assertThat(new HashSet<>(tags)).hasSameSizeAs(tags);
        assertThat(tags.get(0)).isNotEqualTo(tags.get(0).toString()).isNotEqualTo(null);
    }

    private static List<Tag> tags() {
        List<Tag> tags = new ArrayList<>();
        for (String interpreter : new String[] {"cp3", "cp31", "cp311", "cp311t", "py3", "py2.py3", "pp310", "py"}) {
            for (String abi : new String[] {"abi3", "cp311", "none", "cp31", "cp311t"}) {
                for (String platform : new String[] {"any", "linux_x86_64", "manylinux_2_17_x86_64", "manylinux2014_x86_64",
                    "manylinux_2_17_x86_64.manylinux2014_x86_64", "musllinux_1_1_aarch64", "macosx_11_0_arm64"}) {
                    tags.add(new Tag(interpreter, abi, platform));
                }
            }
        }
        return tags;
    }
}
