package dev.layerfit.dev.conformance;

import dev.layerfit.error.BadInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the part of TOML 1.0 that the packse scenario files use: {@code [dotted."quoted".tables]}, bare and
 * quoted keys, basic, literal and multi-line basic strings, booleans, integers, (multi-line) arrays and inline
 * tables, and comments. Tables become {@code LinkedHashMap}s, arrays {@code List}s. Anything else is refused
 * with the file position, so a scenario using more of TOML fails loudly instead of being misread.
 */
final class TomlSubsetReader {

    private final String text;
    private final String label;
    private int pos;

    private TomlSubsetReader(String text, String label) {
        this.text = text;
        this.label = label;
    }

    /** Parses {@code text}; {@code label} names the file in error messages. */
    static Map<String, Object> parse(String text, String label) {
        return new TomlSubsetReader(text, label).document();
    }

    private Map<String, Object> document() {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> table = root;
        while (true) {
            skipBlankLinesAndComments();
            if (pos >= text.length()) {
                return root;
            }
            if (text.charAt(pos) == '[') {
                pos++;
                table = root;
                for (String key : dottedKey(']')) {
                    table = child(table, key);
                }
                expect(']');
            } else {
                List<String> key = dottedKey('=');
                expect('=');
                Map<String, Object> target = table;
                for (int i = 0; i < key.size() - 1; i++) {
                    target = child(target, key.get(i));
                }
                target.put(key.get(key.size() - 1), value());
            }
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '#') {
                skipToLineEnd();
            }
            if (pos < text.length() && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                throw error("expected the end of the line");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> child(Map<String, Object> table, String key) {
        Object existing = table.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        if (!(existing instanceof Map)) {
            throw error("'" + key + "' is already a value, not a table");
        }
        return (Map<String, Object>) existing;
    }

    private List<String> dottedKey(char end) {
        List<String> parts = new ArrayList<>();
        while (true) {
            skipSpaces();
            parts.add(key());
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == '.') {
                pos++;
                continue;
            }
            if (pos >= text.length() || text.charAt(pos) != end) {
                throw error("expected '" + end + "' after the key");
            }
            return parts;
        }
    }

    private String key() {
        char c = peek();
        if (c == '"' || c == '\'') {
            return string();
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "-_".indexOf(text.charAt(pos)) >= 0)) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a key");
        }
        return text.substring(start, pos);
    }

    private Object value() {
        skipSpaces();
        char c = peek();
        if (c == '"' || c == '\'') {
            return string();
        }
        if (c == '[') {
            pos++;
            List<Object> list = new ArrayList<>();
            while (true) {
                skipWhitespaceAndComments();
                if (peek() == ']') {
                    pos++;
                    return list;
                }
                list.add(value());
                skipWhitespaceAndComments();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != ']') {
                    throw error("expected ',' or ']' in the array");
                }
            }
        }
        if (c == '{') {
            pos++;
            Map<String, Object> table = new LinkedHashMap<>();
            skipSpaces();
            if (peek() == '}') {
                pos++;
                return table;
            }
            while (true) {
                List<String> key = dottedKey('=');
                expect('=');
                Map<String, Object> target = table;
                for (int i = 0; i < key.size() - 1; i++) {
                    target = child(target, key.get(i));
                }
                target.put(key.get(key.size() - 1), value());
                skipSpaces();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    return table;
                } else {
                    throw error("expected ',' or '}' in the inline table");
                }
            }
        }
        if (text.startsWith("true", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("false", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        int start = pos;
        while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '-' || text.charAt(pos) == '_')) {
            pos++;
        }
        if (start == pos) {
            throw error("unsupported value");
        }
        return Long.parseLong(text.substring(start, pos).replace("_", ""));
    }

    private String string() {
        if (text.startsWith("\"\"\"", pos)) {
            pos += 3;
            if (text.startsWith("\n", pos)) {
                pos++;
            }
            int end = text.indexOf("\"\"\"", pos);
            if (end < 0) {
                throw error("unterminated multi-line string");
            }
            String raw = text.substring(pos, end);
            pos = end + 3;
            return unescape(raw);
        }
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length() || text.charAt(pos) == '\n') {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == quote) {
                return quote == '"' ? unescape(sb.toString()) : sb.toString();
            }
            sb.append(c);
            if (c == '\\' && quote == '"' && pos < text.length()) {
                sb.append(text.charAt(pos++));
            }
        }
    }

    private String unescape(String raw) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char n = raw.charAt(++i);
            switch (n) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case 'u' -> {
                    sb.append((char) Integer.parseInt(raw.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> throw error("unsupported escape \\" + n);
            }
        }
        return sb.toString();
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of file");
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        skipSpaces();
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private void skipToLineEnd() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void skipWhitespaceAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '#') {
                skipToLineEnd();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else {
                return;
            }
        }
    }

    private void skipBlankLinesAndComments() {
        skipWhitespaceAndComments();
    }

    private BadInputException error(String what) {
        int line = 1;
        int col = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return new BadInputException(label + ":" + line + ":" + col + ": " + what
                + " (only the TOML subset used by packse scenarios is read); fix the scenario file");
    }
}
