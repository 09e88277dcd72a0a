package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/** Renders a {@link Table} as plain text with aligned columns, for a terminal. */
public final class TextTableRenderer {

    private static final String GAP = "  ";

    public String render(Table table) {
        requireNonNull(table, "table is null");
        int[] widths = new int[table.headers().size()];
        List<List<String>> lines = new ArrayList<>();
        lines.add(table.headers());
        lines.addAll(table.rows());
        for (List<String> line : lines) {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], line.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder(table.title()).append('\n');
        appendLine(text, table.headers(), widths);
        int total = 0;
        for (int width : widths) {
            total += width;
        }
        text.append("-".repeat(total + GAP.length() * (widths.length - 1))).append('\n');
        for (List<String> row : table.rows()) {
            appendLine(text, row, widths);
        }
        return text.toString();
    }

    private static void appendLine(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < widths.length; column++) {
            if (column > 0) {
                line.append(GAP);
            }
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - cell.length());
            line.append(column == 0 ? cell + padding : padding + cell);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }
}
