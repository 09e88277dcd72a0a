package io.tributary.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants;
import org.apache.flink.sql.parser.impl.ParseException;
import org.apache.flink.sql.parser.impl.Token;

/**
 * Turns Flink's parser exception into a {@link SqlSyntaxError}: the first line of Flink's message, the first few
 * tokens it expected instead of all of them, and the span of the offending token.
 */
final class SyntaxErrors {

    /** How many expected tokens a message keeps. */
    static final int EXPECTED_KEPT = 8;

    private SyntaxErrors() {}

    static SqlSyntaxError from(SqlParseException exception) {
        if (exception.getCause() instanceof StackOverflowError) {
            // Calcite reports its parser running out of stack as a parse error without a message or position.
            return new SqlSyntaxError(AnalysisErrorCode.SYNTAX_ERROR, SourceSpan.at(1, 1),
                    AnalysisMessages.tooDeeplyNested(), List.of());
        }
        SourceSpan span = span(exception);
        List<String> lines = exception.getMessage() == null
                ? List.of("Syntax error.")
                : exception.getMessage().lines().toList();
        String first = lines.isEmpty() ? "Syntax error." : collapse(lines.get(0));
        List<String> expected = expectedTokens(lines);
        List<String> kept = expected.subList(0, Math.min(EXPECTED_KEPT, expected.size()));
        String message = AnalysisMessages.expectedTokens(first, kept, expected.size());
        return new SqlSyntaxError(AnalysisErrorCode.SYNTAX_ERROR, span, message, kept);
    }

    /** The tokens listed under Flink's "Was expecting (one of):", in Flink's order, without the trailing "...". */
    private static List<String> expectedTokens(List<String> lines) {
        List<String> tokens = new ArrayList<>();
        boolean listing = false;
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Was expecting")) {
                listing = true;
            } else if (listing && !trimmed.isEmpty()) {
                String token = trimmed.endsWith("...") ? trimmed.substring(0, trimmed.length() - 3).trim() : trimmed;
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    private static SourceSpan span(SqlParseException exception) {
        SqlParserPos pos = exception.getPos();
        int line = pos == null ? 1 : Math.max(1, pos.getLineNum());
        int column = pos == null ? 1 : Math.max(1, pos.getColumnNum());
        int endLine = line;
        int endColumn = column;
        if (pos != null && after(pos.getEndLineNum(), pos.getEndColumnNum(), endLine, endColumn)) {
            endLine = pos.getEndLineNum();
            endColumn = pos.getEndColumnNum();
        }
        if (exception.getCause() instanceof ParseException parseException
                && parseException.currentToken != null
                && parseException.currentToken.next != null) {
            Token offending = parseException.currentToken.next;
            boolean sameStart = offending.beginLine == line && offending.beginColumn == column;
            if (sameStart && offending.kind != FlinkSqlParserImplConstants.EOF
                    && after(offending.endLine, offending.endColumn, endLine, endColumn)) {
                endLine = offending.endLine;
                endColumn = offending.endColumn;
            }
        }
        return new SourceSpan(line, column, endLine, endColumn);
    }

    private static boolean after(int line, int column, int otherLine, int otherColumn) {
        return line > otherLine || (line == otherLine && column > otherColumn);
    }

    private static String collapse(String text) {
        return text.trim().replaceAll("\\s+", " ");
    }
}
