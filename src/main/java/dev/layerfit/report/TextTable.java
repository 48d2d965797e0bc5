package dev.layerfit.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table with columns aligned by their widest cell: left-aligned text, right-aligned numbers.
 * Rows are indented by two spaces; no borders, so output stays readable in CI logs.
 */
public final class TextTable {

    private final boolean[] rightAligned;
    private final List<String[]> rows = new ArrayList<>();

    /** {@code alignment} is one letter per column: 'l' or 'r'. */
    public TextTable(String alignment) {
        rightAligned = new boolean[alignment.length()];
        for (int i = 0; i < alignment.length(); i++) {
            rightAligned[i] = alignment.charAt(i) == 'r';
        }
    }

    public TextTable row(String... cells) {
        if (cells.length != rightAligned.length) {
            throw new IllegalArgumentException("expected " + rightAligned.length + " cells, got " + cells.length);
        }
        String[] safe = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            safe[i] = dev.layerfit.text.TerminalText.escape(cells[i]); // names from zips and configs: no forged lines
        }
        rows.add(safe);
        return this;
    }

    public String render(String indent) {
        int[] width = new int[rightAligned.length];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                String pad = " ".repeat(width[i] - r[i].length());
                line.append(rightAligned[i] ? pad + r[i] : r[i] + (i == r.length - 1 ? "" : pad));
                if (i < r.length - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
