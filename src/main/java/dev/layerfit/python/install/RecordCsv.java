package dev.layerfit.python.install;

import dev.layerfit.python.CodePointOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads and writes {@code RECORD} the way Python's {@code csv} module does with its default dialect, which is
 * what pip uses: fields quoted with '"' only when they hold ',', '"', CR or LF (quotes doubled), rows ended by
 * CRLF. pip writes the rows sorted as tuples of strings; {@link #write} does the same (code-point order).
 */
final class RecordCsv {

    /** Python's tuple-of-str order: path, then hash, then size, each by code point. */
    static final Comparator<RecordRow> PIP_ORDER = Comparator.comparing(RecordRow::path, CodePointOrder::compare)
            .thenComparing(RecordRow::hash, CodePointOrder::compare)
            .thenComparing(RecordRow::size, CodePointOrder::compare);

    private RecordCsv() {
    }

    /** The rows of {@code text}; blank lines are skipped, missing fields read as "". */
    static List<RecordRow> parse(String text) {
        List<RecordRow> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        boolean rowHasContent = false;
        while (i <= n) {
            char c = i < n ? text.charAt(i) : '\n';
            if (c == '"' && field.length() == 0) {
                int j = i + 1;
                while (j < n) {
                    char q = text.charAt(j);
                    if (q == '"') {
                        if (j + 1 < n && text.charAt(j + 1) == '"') {
                            field.append('"');
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    field.append(q);
                    j++;
                }
                i = j + 1;
                rowHasContent = true;
                continue;
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                rowHasContent = true;
            } else if (c == '\n' || c == '\r') {
                if (rowHasContent || field.length() > 0) {
                    fields.add(field.toString());
                    rows.add(new RecordRow(fields.get(0), fields.size() > 1 ? fields.get(1) : "", fields.size() > 2 ? fields.get(2) : ""));
                }
                fields.clear();
                field.setLength(0);
                rowHasContent = false;
            } else {
                field.append(c);
                rowHasContent = true;
            }
            i++;
        }
        return rows;
    }

    /** The bytes pip writes for these rows: sorted, minimally quoted, CRLF after each row, UTF-8. */
    static byte[] write(List<RecordRow> rows) {
        List<RecordRow> sorted = new ArrayList<>(rows);
        sorted.sort(PIP_ORDER);
        StringBuilder out = new StringBuilder();
        for (RecordRow row : sorted) {
            out.append(quote(row.path())).append(',').append(quote(row.hash())).append(',').append(quote(row.size())).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\r') < 0 && field.indexOf('\n') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

}
