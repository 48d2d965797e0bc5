package dev.layerfit.python.pep508;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written matchers of the common tokens agree with their rules (the regexes packaging's tokenizer uses) at
 * every position of requirement-like texts: word boundaries with Unicode letters and digits, backing off before '.',
 * '-' and '_', quotes, operators that share a prefix, keywords inside longer words.
 */
class TokenizerFastPathTest {

    private static final List<String> TOKENS = List.of("WS", "LEFT_PARENTHESIS", "RIGHT_PARENTHESIS", "LEFT_BRACKET",
            "RIGHT_BRACKET", "SEMICOLON", "COMMA", "AT", "QUOTED_STRING", "OP", "IDENTIFIER", "BOOLOP", "IN", "NOT");

    private static final List<String> TEXTS = List.of(
            "requests[security,socks] >=2.31,<3 ; python_version >= \"3.8\" and extra == 'socks'",
            "foo.-bar", "foo- ", "foo_", "_foo", "a", "9lives.", "Ünïcode-name", "nameé", "x٣y", "ⅻroman",
            "pkg@ https://example.com/a.whl", "pkg ===1.0", "pkg~=1.4.2", "pkg!=1.0", "pkg<=2", "pkg>1", "pkg<1",
            "not in notin innot ornot andor or and", "os_name in 'posix nt'", "'unterminated", "\"\" ''",
            "\t  \t", "(a or(b)) and[c]", "a;b,c@d", "name\n", "𝐀bc def", "abc𝟘 x", "a.b.c-d_e f");

    @Test
    void everyFastPathMatchesItsRuleAtEveryPosition() {
        for (String text : TEXTS) {
            for (int at = 0; at <= text.length(); at++) {
                if (at >= 2 && Character.isSurrogatePair(text.charAt(at - 2), text.charAt(at - 1))) {
                    continue; // see afterALetterOutsideTheBasicPlaneThereIsNoBoundary
                }
                for (String token : TOKENS) {
                    Tokenizer t = new Tokenizer(text, at);
                    int fast = t.fastMatchLength(token);
                    assertThat(fast).as("%s has a fast path", token).isNotEqualTo(Tokenizer.NO_FAST_PATH);
                    assertThat(fast).as("%s at %d of '%s'", token, at, text).isEqualTo(t.ruleMatchLength(token));
                }
            }
        }
    }

    /**
     * Where the two differ: Java's lookbehind sees only the low half of a surrogate pair, so its rule finds a boundary
     * after 𝐀; Python (packaging) sees the whole letter, as the fast path does.
     */
    @Test
    void afterALetterOutsideTheBasicPlaneThereIsNoBoundary() {
        assertThat(new Tokenizer("𝐀bc def", 2).fastMatchLength("IDENTIFIER")).isEqualTo(-1);
        assertThat(new Tokenizer("𝐀 bc", 3).fastMatchLength("IDENTIFIER")).isEqualTo(2);
    }

    @Test
    void theOtherTokensKeepTheirRules() {
        for (String token : List.of("VARIABLE", "URL", "VERSION_PREFIX_TRAIL", "VERSION_LOCAL_LABEL_TRAIL")) {
            assertThat(new Tokenizer("python_version", 0).fastMatchLength(token)).isEqualTo(Tokenizer.NO_FAST_PATH);
        }
    }
}
