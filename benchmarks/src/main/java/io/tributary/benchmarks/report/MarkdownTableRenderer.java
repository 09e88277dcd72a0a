package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** Renders a {@link Table} as a GitHub-flavoured markdown table under a level-3 heading. */
public final class MarkdownTableRenderer {

    public String render(Table table) {
        requireNonNull(table, "table is null");
        StringBuilder text = new StringBuilder("### ").append(escape(table.title())).append("\n\n");
        appendRow(text, table.headers());
        text.append('|');
        for (int column = 0; column < table.headers().size(); column++) {
            text.append(column == 0 ? " :--- |" : " ---: |");
        }
        text.append('\n');
        for (List<String> row : table.rows()) {
            appendRow(text, row);
        }
        return text.toString();
    }

    private static void appendRow(StringBuilder text, List<String> cells) {
        text.append('|');
        for (String cell : cells) {
            text.append(' ').append(escape(cell)).append(" |");
        }
        text.append('\n');
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }
}
