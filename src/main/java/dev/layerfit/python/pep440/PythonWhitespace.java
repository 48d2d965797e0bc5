package dev.layerfit.python.pep440;

/**
 * Python's notion of whitespace ({@code str.isspace()}, and {@code \s} in {@code re} string patterns),
 * which the packaging specifications inherit from their reference implementation. It differs from
 * {@link Character#isWhitespace(int)}: it includes U+0085, U+00A0, U+2007 and U+202F.
 */
public final class PythonWhitespace {

    /** A regex character class body (without brackets) matching exactly the Python whitespace set. */
    public static final String CLASS_BODY =
            "\\t\\n\\x0B\\f\\r\\x1C-\\x1F \\x{85}\\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
                    + "\\x{202F}\\x{205F}\\x{3000}";

    private PythonWhitespace() {
    }

    /** Whether {@code cp} is whitespace for Python's {@code str.isspace()}. */
    public static boolean isWhitespace(int cp) {
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20) || cp == 0x85 || cp == 0xA0
                || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029
                || cp == 0x202F || cp == 0x205F || cp == 0x3000;
    }

    /** Python's {@code s.strip()}: removes leading and trailing Python whitespace. */
    public static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }
}
