package io.tributary.analysis;

import java.util.Arrays;

/**
 * Converts between character offsets in a text and the lines and columns Flink's parser reports: lines end at
 * {@code \n}, {@code \r\n} or {@code \r}; a column counts characters (a tab is one), as the parser is configured.
 */
final class TextPositions {

    private final String text;
    private final int[] lineStarts;

    TextPositions(String text) {
        this.text = text;
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lineBreak = c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'));
            if (lineBreak) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    /** The offset of a 1-based line and column. */
    int offset(int line, int column) {
        return lineStarts[line - 1] + column - 1;
    }

    /** The 1-based line of an offset. */
    int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** The 1-based column of an offset. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** The statement text between two offsets (end exclusive), with its span; the text must not be empty. */
    StatementText statement(int start, int end) {
        int last = end - 1;
        SourceSpan span = new SourceSpan(line(start), column(start), line(last), column(last));
        return new StatementText(text.substring(start, end), span);
    }

    /** The text from an offset to the end without the white space around it, or null when there is nothing else. */
    StatementText trimmedFrom(int from) {
        return trimmed(from, text.length());
    }

    /**
     * The text from an offset to the end without the white space around it and without a final {@code ;}, or null
     * when there is nothing else.
     */
    StatementText trimmedStatementFrom(int from) {
        StatementText trimmed = trimmedFrom(from);
        if (trimmed == null || !trimmed.text().endsWith(";")) {
            return trimmed;
        }
        SourceSpan span = trimmed.span();
        return trimmed(offset(span.line(), span.column()), offset(span.endLine(), span.endColumn()));
    }

    private StatementText trimmed(int from, int to) {
        int start = from;
        int end = to;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : statement(start, end);
    }
}
