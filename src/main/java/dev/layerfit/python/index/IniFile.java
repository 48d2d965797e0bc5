package dev.layerfit.python.index;

import dev.layerfit.error.BadInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The INI dialect of Python's {@code configparser} as pip uses it: {@code [section]} headers, {@code key = value}
 * or {@code key: value}, full-line {@code #}/{@code ;} comments, indented continuation lines joined with a newline.
 * Keys are normalised as pip does.
 */
final class IniFile {
    private IniFile() {
    }

    static Map<String, Map<String, String>> parse(String text, String label) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> current = null;
        String lastKey = null;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String stripped = line.strip();
            if (stripped.startsWith("#") || stripped.startsWith(";")) {
                continue;
            }
            if (stripped.isEmpty()) {
                lastKey = null;
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && current != null && lastKey != null) {
                String previous = current.get(lastKey);
                current.put(lastKey, previous.isEmpty() ? stripped : previous + "\n" + stripped);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                String name = stripped.substring(1, stripped.length() - 1).strip().toLowerCase(Locale.ROOT);
                current = sections.computeIfAbsent(name, n -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int eq = indexOfDelimiter(stripped);
            if (current == null || eq <= 0) {
                throw new BadInputException(label + ":" + (i + 1) + ": '" + stripped
                        + "' is not a 'key = value' line inside a [section]; fix the pip configuration file");
            }
            lastKey = PipConfiguration.normalizeKey(stripped.substring(0, eq).strip());
            current.put(lastKey, stripped.substring(eq + 1).strip());
        }
        return sections;
    }

    private static int indexOfDelimiter(String s) {
        int eq = s.indexOf('=');
        int colon = s.indexOf(':');
        if (eq < 0) {
            return colon;
        }
        return colon < 0 ? eq : Math.min(eq, colon);
    }
}
