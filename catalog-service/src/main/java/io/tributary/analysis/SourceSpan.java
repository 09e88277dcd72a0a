package io.tributary.analysis;

/**
 * Where a piece of SQL is in the text that was analysed: 1-based lines and columns, the end inclusive. Columns count
 * characters (a tab is one column), as Flink's parser does.
 */
public record SourceSpan(int line, int column, int endLine, int endColumn) {

    public SourceSpan {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("a span starts at line 1, column 1 or later: " + line + ":" + column);
        }
        if (endLine < line || (endLine == line && endColumn < column)) {
            throw new IllegalArgumentException("a span cannot end before it starts: " + line + ":" + column
                    + " to " + endLine + ":" + endColumn);
        }
    }

    public static SourceSpan at(int line, int column) {
        return new SourceSpan(line, column, line, column);
    }

    @Override
    public String toString() {
        return "line " + line + ", column " + column + " to line " + endLine + ", column " + endColumn;
    }
}
