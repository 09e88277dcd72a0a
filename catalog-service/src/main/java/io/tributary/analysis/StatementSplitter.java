package io.tributary.analysis;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImplConstants;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImplTokenManager;
import org.apache.flink.sql.parser.impl.SimpleCharStream;
import org.apache.flink.sql.parser.impl.Token;
import org.apache.flink.sql.parser.impl.TokenMgrError;

/**
 * Splits a script into statements at the {@code ;} between them, with the lexer of Flink's own parser (as Flink's SQL
 * client does), so that a {@code ;} in a string, a quoted identifier or a comment does not split. The {@code ;}s
 * inside {@code STATEMENT SET BEGIN ... END} do not split either (an {@code END} closes a {@code CASE} before it
 * closes the block). Empty statements are dropped.
 *
 * <p>As in Flink's client, {@code --} and {@code //} start a comment even in an unquoted value of
 * {@code SET key = value}. When the lexer fails (an unterminated string or comment), the rest of the script is one
 * statement, and parsing it reports the error where it is.
 */
final class StatementSplitter {

    private StatementSplitter() {}

    static List<StatementText> split(String script) {
        TextPositions positions = new TextPositions(script);
        FlinkSqlParserImplTokenManager lexer = new FlinkSqlParserImplTokenManager(new UnitTabCharStream(script));
        // Back-quoted identifiers, as the parser with Lex.JAVA.
        lexer.SwitchTo(FlinkSqlParserImplConstants.BTID);
        List<StatementText> statements = new ArrayList<>();
        int start = -1;
        int end = -1;
        int resumeAt = 0;
        int blockDepth = 0;
        int caseDepth = 0;
        int previous = -1;
        int beforePrevious = -1;
        try {
            for (Token token = lexer.getNextToken(); token.kind != FlinkSqlParserImplConstants.EOF;
                    token = lexer.getNextToken()) {
                int tokenStart = positions.offset(token.beginLine, token.beginColumn);
                int tokenEnd = positions.offset(token.endLine, token.endColumn) + 1;
                if (token.kind == FlinkSqlParserImplConstants.SEMICOLON && blockDepth == 0) {
                    if (start >= 0) {
                        statements.add(positions.statement(start, end));
                    }
                    start = -1;
                    resumeAt = tokenEnd;
                } else {
                    if (start < 0) {
                        start = tokenStart;
                    }
                    end = tokenEnd;
                    if (token.kind == FlinkSqlParserImplConstants.BEGIN
                            && previous == FlinkSqlParserImplConstants.SET
                            && beforePrevious == FlinkSqlParserImplConstants.STATEMENT) {
                        blockDepth++;
                    } else if (token.kind == FlinkSqlParserImplConstants.CASE) {
                        caseDepth++;
                    } else if (token.kind == FlinkSqlParserImplConstants.END) {
                        // END closes a CASE first; only then a statement set's BEGIN.
                        if (caseDepth > 0) {
                            caseDepth--;
                        } else if (blockDepth > 0) {
                            blockDepth--;
                        }
                    }
                }
                beforePrevious = previous;
                previous = token.kind;
            }
        } catch (TokenMgrError lexicalError) {
            StatementText rest = positions.trimmedFrom(start >= 0 ? start : resumeAt);
            if (rest != null) {
                statements.add(rest);
            }
            return List.copyOf(statements);
        }
        if (start >= 0) {
            statements.add(positions.statement(start, end));
        }
        return List.copyOf(statements);
    }

    /** Counts a tab as one column, as the parser does. */
    private static final class UnitTabCharStream extends SimpleCharStream {
        UnitTabCharStream(String text) {
            super(new StringReader(text));
            setTabSize(1);
        }
    }
}
