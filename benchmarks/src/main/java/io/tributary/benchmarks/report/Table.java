package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A titled table of text cells: the first column is a label (left-aligned), the others are values. */
public record Table(String title, List<String> headers, List<List<String>> rows) {

    public Table {
        requireNonNull(title, "title is null");
        headers = List.copyOf(requireNonNull(headers, "headers is null"));
        rows = requireNonNull(rows, "rows is null").stream().map(List::copyOf).toList();
        if (headers.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        for (List<String> row : rows) {
            if (row.size() != headers.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells, the table has "
                        + headers.size() + " columns");
            }
        }
    }
}
