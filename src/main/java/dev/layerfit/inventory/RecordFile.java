package dev.layerfit.inventory;

import java.util.ArrayList;
import java.util.List;

/**
 * The paths listed in a wheel's {@code RECORD} (PEP 376 / the binary distribution format spec): a CSV
 * file of {@code path,hash,size} rows, where a path containing a comma or quote is quoted and quotes are
 * doubled (Python's {@code csv} module, default dialect). Only the path column is needed here.
 */
final class RecordFile {

    private RecordFile() {
    }

    /** The first column of every non-empty row, unquoted. Malformed rows are read as well as they can be. */
    static List<String> paths(String text) {
        List<String> paths = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            StringBuilder field = new StringBuilder();
            if (text.charAt(i) == '"') {
                i++;
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
            }
            while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                field.append(text.charAt(i++));
            }
            // skip the rest of the row (hash and size columns; no newlines inside them)
            while (i < n && text.charAt(i) != '\n') {
                i++;
            }
            i++;
            if (!field.isEmpty()) {
                paths.add(field.toString());
            }
        }
        return paths;
    }

    /**
     * Resolves a RECORD path against the site root {@code prefix} (which may be {@code ""}): '\' becomes
     * '/', "." and ".." segments are applied. Returns the entry name, or null when the path is absolute
     * or climbs above the artifact root.
     */
    static String resolve(String prefix, String recordPath) {
        String path = recordPath.replace('\\', '/');
        if (path.startsWith("/") || (path.length() > 1 && path.charAt(1) == ':')) {
            return null;
        }
        if (!path.contains("./")) {
            return prefix + path;
        }
        List<String> segments = new ArrayList<>();
        for (String s : prefix.split("/")) {
            if (!s.isEmpty()) {
                segments.add(s);
            }
        }
        for (String s : path.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.remove(segments.size() - 1);
            } else {
                segments.add(s);
            }
        }
        return String.join("/", segments);
    }
}
