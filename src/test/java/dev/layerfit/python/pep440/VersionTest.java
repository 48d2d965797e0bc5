package dev.layerfit.python.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VersionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.0.POST1|1.0.post1",
            "v1!2.0-ALPHA.3|1!2.0a3",
            "1.0-1|1.0.post1",
            "1.0.r|1.0.post0",
            "2.4.b0003_POST.3.dev_3|2.4b3.post3.dev3",
            "1.0+Ubuntu-1.02|1.0+ubuntu.1.2",
            "0!1.0preview2|1.0rc2"})
    void normalises(String input, String expected) {
        assertThat(Version.parse(input)).hasToString(expected);
    }

    @Test
    void pythonWhitespaceAroundIsIgnoredButNotInside() {
        assertThat(Version.parse("\u3000 1.0\t\u2029\n")).hasToString("1.0");
        assertThat(Version.tryParse("1.0 dev1")).isEmpty();
        assertThatThrownBy(() -> Version.parse("1.0+\u0130")).isInstanceOf(InvalidVersionException.class)
                .hasMessageContaining("not a valid PEP 440 version");
    }

    @Test
    void numbersAreArbitraryPrecision() {
        Version v = Version.parse("123456789012345678901234567890.0.dev99999999999999999999");
        assertThat(v.release().get(0)).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(v.dev()).isEqualTo(new BigInteger("99999999999999999999"));
    }

    @Test
    void ordersAsPep440() {
        List<String> ordered = List.of("1.0.dev0", "1.0a1.dev1", "1.0a1", "1.0b2.post1", "1.0rc1", "1.0",
                "1.0+abc", "1.0+abc.2", "1.0+1", "1.0.post1.dev1", "1.0.post1", "1.1", "1!0.1");
        List<Version> shuffled = new ArrayList<>(ordered.stream().map(Version::parse).toList());
        Collections.reverse(shuffled);
        Collections.sort(shuffled);
        assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(ordered);
        assertThat(Version.parse("1.0.0")).isEqualTo(Version.parse("1")).hasSameHashCodeAs(Version.parse("1"));
    }
}
