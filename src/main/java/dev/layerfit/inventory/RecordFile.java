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
        int n = text.length();
        int i = 0;
        while (i < n) {
            int lineEnd = text.indexOf('\n', i);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            String path;
            if (text.charAt(i) == '"') {
                StringBuilder field = new StringBuilder();
                int j = i + 1;
                while (j < n) {
                    int quote = text.indexOf('"', j);
                    if (quote < 0) {
                        field.append(text, j, n);
                        j = n;
                        break;
                    }
                    field.append(text, j, quote);
                    if (quote + 1 < n && text.charAt(quote + 1) == '"') {
                        field.append('"');
                        j = quote + 2;
                    } else {
                        j = quote + 1;
                        break;
                    }
                }
                path = field.toString();
                int next = text.indexOf('\n', j);
                lineEnd = next < 0 ? n : next;
            } else {
                int comma = text.indexOf(',', i);
                int end = comma < 0 || comma > lineEnd ? lineEnd : comma;
                if (end > i && text.charAt(end - 1) == '\r') {
                    end--;
                }
                path = text.substring(i, end);
            }
            if (!path.isEmpty()) {
                paths.add(path);
            }
            i = lineEnd + 1;
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
