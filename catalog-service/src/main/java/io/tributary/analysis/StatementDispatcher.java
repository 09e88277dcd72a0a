package io.tributary.analysis;

import static io.tributary.analysis.StatementKind.COMPILE_AND_EXECUTE_PLAN;
import static io.tributary.analysis.StatementKind.COMPILE_PLAN;
import static io.tributary.analysis.StatementKind.EXECUTE_PLAN;
import static io.tributary.analysis.StatementKind.EXPLAIN;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlNode;
import org.apache.flink.sql.parser.ddl.SqlCompilePlan;
import org.apache.flink.sql.parser.dml.SqlCompileAndExecutePlan;
import org.apache.flink.sql.parser.dml.SqlExecute;
import org.apache.flink.sql.parser.dml.SqlExecutePlan;
import org.apache.flink.sql.parser.dql.SqlRichExplain;

/**
 * Finds the kind of a parsed statement and fills in its {@link StatementWork}: statements that wrap another one
 * (EXPLAIN, EXECUTE, COMPILE PLAN) here, every other family in its {@link StatementRule}.
 */
final class StatementDispatcher {

    private final List<StatementRule> rules = List.of(
            new DataStatements(),
            new TableStatements(),
            new CatalogStatements(),
            new MetadataStatements(),
            new SessionStatements());

    StatementKind analyze(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlRichExplain explain) {
            readsOf(explain.getStatement(), work);
            return EXPLAIN;
        }
        if (statement instanceof SqlExplain explain) {
            readsOf(explain.getExplicandum(), work);
            return EXPLAIN;
        }
        if (statement instanceof SqlExecute execute) {
            // EXECUTE runs the statement as it would run without the keyword.
            return analyze(execute.getStatement(), work);
        }
        if (statement instanceof SqlCompilePlan compile) {
            readsOf(compile.getOperandList().get(0), work);
            return COMPILE_PLAN;
        }
        if (statement instanceof SqlCompileAndExecutePlan compileAndExecute) {
            analyze(compileAndExecute.getOperandList().get(0), work);
            return COMPILE_AND_EXECUTE_PLAN;
        }
        if (statement instanceof SqlExecutePlan) {
            return EXECUTE_PLAN;
        }
        for (StatementRule rule : rules) {
            Optional<StatementKind> kind = rule.analyze(statement, work);
            if (kind.isPresent()) {
                return kind.get();
            }
        }
        throw new AnalysisProblem(
                AnalysisErrorCode.UNSUPPORTED_STATEMENT, AnalysisMessages.unsupportedStatement(statement.getClass()));
    }

    /** A statement that is explained or compiled, not run: only what it reads counts. */
    private void readsOf(SqlNode inner, StatementWork work) {
        StatementWork nested = work.nested();
        analyze(inner, nested);
        work.access().addReadsOf(nested.access());
    }
}
