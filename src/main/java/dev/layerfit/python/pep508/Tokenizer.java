package dev.layerfit.python.pep508;

import dev.layerfit.python.pep440.Specifier;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Context-sensitive tokens of PEP 508, as packaging 26.2's {@code _tokenizer}: the parser asks whether a
 * given kind of token starts at the current position. Python's {@code \b} is spelled out with Unicode
 * word characters, and END also matches before one final newline (Python's {@code $}).
 */
final class Tokenizer {

    /** Thrown while parsing; the public parsers turn it into their own exception. */
    static final class ParseFailure extends RuntimeException {
        final transient SyntaxErrorDetail detail;

        ParseFailure(SyntaxErrorDetail detail) {
            super(detail.message(), null, false, false);
            this.detail = detail;
        }
    }

    private static final String WORD = "[\\p{L}\\p{N}_]";
    private static final String BOUNDARY = "(?:(?<=" + WORD + ")(?!" + WORD + ")|(?<!" + WORD + ")(?=" + WORD + "))";

    private static final Map<String, Pattern> RULES = Map.ofEntries(
            Map.entry("LEFT_PARENTHESIS", Pattern.compile("\\(")),
            Map.entry("RIGHT_PARENTHESIS", Pattern.compile("\\)")),
            Map.entry("LEFT_BRACKET", Pattern.compile("\\[")),
            Map.entry("RIGHT_BRACKET", Pattern.compile("\\]")),
            Map.entry("SEMICOLON", Pattern.compile(";")),
            Map.entry("COMMA", Pattern.compile(",")),
            Map.entry("QUOTED_STRING", Pattern.compile("('[^']*')|(\"[^\"]*\")")),
            Map.entry("OP", Pattern.compile("(===|==|~=|!=|<=|>=|<|>)")),
            Map.entry("BOOLOP", Pattern.compile(BOUNDARY + "(or|and)" + BOUNDARY)),
            Map.entry("IN", Pattern.compile(BOUNDARY + "in" + BOUNDARY)),
            Map.entry("NOT", Pattern.compile(BOUNDARY + "not" + BOUNDARY)),
            Map.entry("VARIABLE", Pattern.compile(BOUNDARY + "(python_version|python_full_version|os[._]name"
                    + "|sys[._]platform|platform_(release|system)|platform[._](version|machine|python_implementation)"
                    + "|python_implementation|implementation_(name|version)|extras?|dependency_groups)" + BOUNDARY)),
            Map.entry("AT", Pattern.compile("@")),
            Map.entry("URL", Pattern.compile("[^ \\t]+")),
            Map.entry("IDENTIFIER", Pattern.compile(BOUNDARY + "[a-zA-Z0-9][a-zA-Z0-9._-]*" + BOUNDARY)),
            Map.entry("VERSION_PREFIX_TRAIL", Pattern.compile("\\.\\*")),
            Map.entry("VERSION_LOCAL_LABEL_TRAIL", Pattern.compile("\\+[a-z0-9]+(?:[-_.][a-z0-9]+)*")),
            Map.entry("WS", Pattern.compile("[ \\t]+")));

    private final String source;
    private int position;
    private String nextText;

    Tokenizer(String source) {
        this.source = source;
    }

    int position() {
        return position;
    }

    /** Whether a token of this kind starts here; unless {@code peek}, it is loaded and must be read next. */
    boolean check(String name, boolean peek) {
        if (nextText != null) {
            throw new IllegalStateException("token already loaded: " + nextText);
        }
        int length = matchLength(name);
        if (length < 0) {
            return false;
        }
        if (!peek) {
            nextText = source.substring(position, position + length);
        }
        return true;
    }

    boolean check(String name) {
        return check(name, false);
    }

    private int matchLength(String name) {
        if (name.equals("END")) {
            int rest = source.length() - position;
            return rest == 0 || (rest == 1 && source.charAt(position) == '\n') ? 0 : -1;
        }
        if (name.equals("SPECIFIER")) {
            return Specifier.matchLength(source, position);
        }
        Matcher m = RULES.get(name).matcher(source);
        m.region(position, source.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m.end() - position : -1;
    }

    String read() {
        String text = nextText;
        position += text.length();
        nextText = null;
        return text;
    }

    void consume(String name) {
        if (check(name)) {
            read();
        }
    }

    String expect(String name, String expected) {
        if (!check(name)) {
            throw error("Expected " + expected, position, position);
        }
        return read();
    }

    ParseFailure error(String message, int spanStart, int spanEnd) {
        return new ParseFailure(new SyntaxErrorDetail(message, source, spanStart, spanEnd));
    }

    /** Opens an optional enclosing pair; returns the opening position or -1 when absent. */
    int open(String openToken) {
        if (check(openToken)) {
            int at = position;
            read();
            return at;
        }
        return -1;
    }

    void close(int openPosition, String openToken, String closeToken, String around) {
        if (openPosition < 0) {
            return;
        }
        if (!check(closeToken)) {
            throw error("Expected matching " + closeToken + " for " + openToken + ", after " + around,
                    openPosition, position);
        }
        read();
    }
}
