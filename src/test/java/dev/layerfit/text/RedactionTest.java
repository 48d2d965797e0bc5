package dev.layerfit.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.layerfit.error.ExceptionWords;
import org.junit.jupiter.api.Test;

/** The one redaction rule and the terminal-text rule. */
class RedactionTest {

    @Test
    void credentialsInUrlsBecomeStars() {
        assertThat(Redaction.redact("failed for https://user:s3cret@host/simple/six/ (HTTP 500)"))
                .isEqualTo("failed for https://user:****@host/simple/six/ (HTTP 500)");
        assertThat(Redaction.redact("https://t0ken@host/simple")).isEqualTo("https://****@host/simple");
        assertThat(Redaction.redact("'https://user:p@ss@host/x'")).doesNotContain("p@ss").contains("user:****@host");
        assertThat(Redaction.redact("https://b.s3.amazonaws.com/l.zip?X-Amz-Signature=abc123&x=1"))
                .isEqualTo("https://b.s3.amazonaws.com/l.zip?X-Amz-Signature=****&x=1");
        assertThat(Redaction.withoutUserInfo("https://user:pw@host/simple")).isEqualTo("https://host/simple");
        assertThat(Redaction.redact("no url here")).isEqualTo("no url here");
        assertThat(Redaction.redact("a https://u:p@h/x and git+https://u2:p2@h2/y, x=1"))
                .isEqualTo("a https://u:****@h/x and git+https://u2:****@h2/y, x=1");
        assertThat(Redaction.redact("mailto:me@host and ://@nothing")).isEqualTo("mailto:me@host and ://@nothing");
        assertThat(Redaction.withoutUserInfo("http://a:b@h1/x http://c@h2/")).isEqualTo("http://h1/x http://h2/");
        // a long run of letters (a 5 MB name in a report) is scanned once, not once per letter
        String huge = "a".repeat(5 << 20);
        assertThat(Redaction.redact(huge + "://u:p@h =")).isEqualTo(huge + "://u:p@h =".replace("u:p@", "u:****@"));
    }

    @Test
    void controlCharactersAreEscapedAndEchoesCut() {
        assertThat(TerminalText.escape("a\nFITS: forged\u001b[2J")).isEqualTo("a\\nFITS: forged\\x1b[2J");
        assertThat(TerminalText.echo("x".repeat(5000))).hasSizeLessThan(300).endsWith("(4800 more characters)");
        assertThat(TerminalText.message("line one\nline\u0007 two")).isEqualTo("line one\nline\\x07 two");
    }

    @Test
    void javaClassNamesBecomeWords() {
        assertThat(ExceptionWords.describe(new java.nio.file.NoSuchFileException("/x/y"))).isEqualTo("no such file or folder: /x/y");
        assertThat(ExceptionWords.describe(new java.net.ConnectException("Connection refused"))).isEqualTo("could not connect (Connection refused)");
        assertThat(ExceptionWords.strip("java.io.IOException: disk full")).isEqualTo("disk full");
        assertThat(ExceptionWords.namesJavaClass("AWS answered ResourceConflictException")).isFalse();
        assertThat(ExceptionWords.namesJavaClass("failed (FileSystemException: x)")).isTrue();
    }
}
