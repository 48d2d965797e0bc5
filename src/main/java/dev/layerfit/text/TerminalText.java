package dev.layerfit.text;

/**
 * Text from outside (zip entry names, configs, requirement lines) made safe for a terminal: control characters are
 * escaped so that an entry name holding a newline cannot forge a line ({@code FITS: ...}) and an escape sequence cannot
 * repaint the screen; echoed input is truncated so a 5 MB line does not become a 5 MB message.
 */
public final class TerminalText {

    /** The most characters of one piece of input a message echoes. */
    public static final int MAX_ECHO = 200;
    /** The most characters of a whole one-line message. */
    public static final int MAX_MESSAGE = 2000;

    private TerminalText() {
    }

    /** {@code s} with C0/C1 control characters (and DEL) as {@code \n}, {@code \t}, {@code \x1b}, {@code \u2028} ... */
    public static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = replacement(c);
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(rep != null ? rep : String.valueOf(c));
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static String replacement(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029'
                    || c == '\u202e' || c == '\u202d')
                    ? (c < 0x100 ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c)) : null;
        };
    }

    /** A piece of input for a message: escaped, and cut to {@link #MAX_ECHO} characters with a note of the rest. */
    public static String echo(String input) {
        return truncate(escape(input), MAX_ECHO);
    }

    /** {@code s} cut to {@code max} characters, saying how many were left out. */
    public static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        return s.substring(0, max) + "... (" + (s.length() - max) + " more characters)";
    }

    /**
     * A whole message for the terminal: secrets redacted, control characters escaped except the line breaks the
     * message itself is made of (a caret diagram under a requirement line), cut to {@link #MAX_MESSAGE}. Untrusted
     * pieces are escaped where they are put into a message ({@link #echo}), so a line break inside one is shown as
     * {@code \n} and cannot start a line of its own.
     */
    public static String message(String s) {
        String[] lines = Redaction.redact(s).split("\n", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            sb.append(i == 0 ? "" : "\n").append(escape(lines[i]));
        }
        return truncate(sb.toString(), MAX_MESSAGE);
    }
}
