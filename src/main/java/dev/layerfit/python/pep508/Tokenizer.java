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
        this(source, 0);
    }

    /** Tokens from {@code start} on; the text before it still decides word boundaries. */
    Tokenizer(String source, int start) {
        this.source = source;
        this.position = start;
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
        int fast = fastMatchLength(name);
        return fast != NO_FAST_PATH ? fast : ruleMatchLength(name);
    }

    /** The length of the token {@code name}'s rule (its regex) matches here, or -1. */
    int ruleMatchLength(String name) {
        Matcher m = RULES.get(name).matcher(source);
        m.region(position, source.length());
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        return m.lookingAt() ? m.end() - position : -1;
    }

    static final int NO_FAST_PATH = -2;

    private static final Map<String, Character> SINGLE_CHARACTER_TOKENS = Map.of("LEFT_PARENTHESIS", '(',
            "RIGHT_PARENTHESIS", ')', "LEFT_BRACKET", '[', "RIGHT_BRACKET", ']', "SEMICOLON", ';', "COMMA", ',', "AT", '@');

    /**
     * The tokens every requirement has, matched by hand exactly as their rule above matches them (a regex matcher per
     * token was a third of parsing a warm resolve's requirements); {@link #NO_FAST_PATH} for the others.
     */
    int fastMatchLength(String name) {
        int end = source.length();
        char c = position < end ? source.charAt(position) : '\0';
        boolean more = position < end;
        switch (name) {
            case "WS": {
                int i = position;
                while (i < end && (source.charAt(i) == ' ' || source.charAt(i) == '\t')) {
                    i++;
                }
                return i > position ? i - position : -1;
            }
            case "QUOTED_STRING": {
                if (!more || (c != '\'' && c != '"')) {
                    return -1;
                }
                int close = source.indexOf(c, position + 1);
                return close < 0 ? -1 : close + 1 - position;
            }
            case "OP":
                return operatorLength();
            case "IDENTIFIER": {
                if (!more || !isAsciiAlnum(c) || !boundaryAt(position)) {
                    return -1;
                }
                int i = position + 1;
                while (i < end && (isAsciiAlnum(source.charAt(i)) || "._-".indexOf(source.charAt(i)) >= 0)) {
                    i++;
                }
                // the greedy run backs off until a word boundary follows it (the rule's trailing \b)
                while (i > position && !boundaryAt(i)) {
                    i--;
                }
                return i > position ? i - position : -1;
            }
            case "BOOLOP":
                return keywordLength("or") > 0 ? 2 : keywordLength("and");
            case "IN":
                return keywordLength("in");
            case "NOT":
                return keywordLength("not");
            default:
                Character single = SINGLE_CHARACTER_TOKENS.get(name);
                return single == null ? NO_FAST_PATH : more && c == single ? 1 : -1;
        }
    }

    private int operatorLength() {
        for (String op : OPERATORS) {
            if (source.startsWith(op, position)) {
                return op.length();
            }
        }
        return -1;
    }

    /** The rule's alternatives in its order: the first that matches wins, as in the regex. */
    private static final String[] OPERATORS = {"===", "==", "~=", "!=", "<=", ">=", "<", ">"};

    /** {@code \bWORD\b} at the position: the keyword's length, or -1. */
    private int keywordLength(String word) {
        return source.startsWith(word, position) && boundaryAt(position) && boundaryAt(position + word.length())
                ? word.length() : -1;
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** The rule's BOUNDARY: a word character (Unicode letters, digits, '_') on exactly one side of {@code at}. */
    private boolean boundaryAt(int at) {
        boolean before = at > 0 && isWord(source.codePointBefore(at));
        boolean after = at < source.length() && isWord(source.codePointAt(at));
        return before != after;
    }

    private static boolean isWord(int cp) {
        if (cp < 128) {
            return isAsciiAlnum((char) cp) || cp == '_';
        }
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
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
