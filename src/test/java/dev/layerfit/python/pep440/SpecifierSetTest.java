package dev.layerfit.python.pep440;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpecifierSetTest {

    @Test
    void prereleasesOnlyWhenMentionedOrNothingElseMatches() {
        SpecifierSet set = SpecifierSet.parse(">=1.0");
        assertThat(set.filter(List.of("1.0", "2.0a1", "0.9"), null)).containsExactly("1.0");
        assertThat(set.filter(List.of("2.0a1", "0.9"), null)).containsExactly("2.0a1");
        assertThat(set.filter(List.of("2.0a1", "0.9"), false)).isEmpty();
        assertThat(SpecifierSet.parse(">=1.0rc1").contains("2.0a1", null)).isTrue();
    }

    @Test
    void wildcardsCompatibleAndExclusiveBounds() {
        assertThat(SpecifierSet.parse("==1.4.*").contains("1.4.9+local", null)).isTrue();
        assertThat(SpecifierSet.parse("~=2.2").filter(List.of("2.1", "2.2", "2.9", "3.0"), null)).containsExactly("2.2", "2.9");
        assertThat(SpecifierSet.parse("<3.1").contains("3.1.dev0", true)).isFalse();
        assertThat(SpecifierSet.parse(">3.1").contains("3.1.post1", null)).isFalse();
        assertThat(SpecifierSet.parse(">3.1").contains("3.1+local", null)).isFalse();
    }

    @Test
    void onlyArbitraryEqualityMatchesNonVersions() {
        assertThat(SpecifierSet.parse("===lolwat").filter(List.of("LOLWAT", "1.0", "lolwat"), null))
                .containsExactly("LOLWAT", "lolwat");
        assertThat(SpecifierSet.parse("!=2.0").contains("foobar", null)).isFalse();
    }

    @Test
    void printsSortedAndDeduplicated() {
        assertThat(SpecifierSet.parse(" >=1.0 , ==1.0.0,==1.0, !=1.5.*")).hasToString("!=1.5.*,==1.0,>=1.0");
        assertThatThrownBy(() -> SpecifierSet.parse("~=1")).isInstanceOf(InvalidSpecifierException.class)
                .hasMessageContaining("'~=1'");
    }
}
