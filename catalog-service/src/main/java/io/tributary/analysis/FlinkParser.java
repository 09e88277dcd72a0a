package io.tributary.analysis;

import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.flink.sql.parser.impl.FlinkSqlParserImpl;
import org.apache.flink.sql.parser.validate.FlinkSqlConformance;

/**
 * Flink's own SQL parser, configured as Flink 1.20's planner configures it for the default dialect
 * ({@code PlannerContext#getSqlParserConfig}): {@link FlinkSqlParserImpl#FACTORY}, {@link FlinkSqlConformance#DEFAULT},
 * {@link Lex#JAVA} (back-tick quoting, case preserved and significant) and identifiers of at most 256 characters.
 */
final class FlinkParser {

    /** The configuration is immutable. */
    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(FlinkSqlParserImpl.FACTORY)
            .withConformance(FlinkSqlConformance.DEFAULT)
            .withLex(Lex.JAVA)
            .withIdentifierMaxLength(256);

    /**
     * Parses one statement. Positions in the result and in errors are those of the script the statement came from:
     * the parser is given the statement preceded by as many line breaks and spaces as the script has before it.
     */
    SqlNode parse(StatementText statement) throws SqlSyntaxError {
        SourceSpan span = statement.span();
        String positioned = "\n".repeat(span.line() - 1) + " ".repeat(span.column() - 1) + statement.text();
        try {
            return SqlParser.create(positioned, CONFIG).parseStmt();
        } catch (SqlParseException e) {
            throw SyntaxErrors.from(e);
        }
    }
}
