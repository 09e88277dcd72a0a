package io.tributary.analysis;

import static io.tributary.analysis.StatementKind.ADD_JAR;
import static io.tributary.analysis.StatementKind.BEGIN_STATEMENT_SET;
import static io.tributary.analysis.StatementKind.END_STATEMENT_SET;
import static io.tributary.analysis.StatementKind.LOAD_MODULE;
import static io.tributary.analysis.StatementKind.REMOVE_JAR;
import static io.tributary.analysis.StatementKind.RESET;
import static io.tributary.analysis.StatementKind.SET;
import static io.tributary.analysis.StatementKind.STOP_JOB;
import static io.tributary.analysis.StatementKind.UNLOAD_MODULE;
import static io.tributary.analysis.StatementKind.USE_MODULES;

import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSetOption;
import org.apache.flink.sql.parser.ddl.SqlAddJar;
import org.apache.flink.sql.parser.ddl.SqlRemoveJar;
import org.apache.flink.sql.parser.ddl.SqlReset;
import org.apache.flink.sql.parser.ddl.SqlSet;
import org.apache.flink.sql.parser.ddl.SqlStopJob;
import org.apache.flink.sql.parser.ddl.SqlUseModules;
import org.apache.flink.sql.parser.dml.SqlBeginStatementSet;
import org.apache.flink.sql.parser.dml.SqlEndStatementSet;
import org.apache.flink.sql.parser.dql.SqlLoadModule;
import org.apache.flink.sql.parser.dql.SqlUnloadModule;

/** Statements about the session: options, modules, jars, statement set markers, jobs. No tables, no target. */
final class SessionStatements implements StatementRule {

    private static final Map<Class<? extends SqlNode>, StatementKind> KINDS = Map.of(
            SqlSet.class, SET,
            SqlReset.class, RESET,
            SqlLoadModule.class, LOAD_MODULE,
            SqlUnloadModule.class, UNLOAD_MODULE,
            SqlUseModules.class, USE_MODULES,
            SqlAddJar.class, ADD_JAR,
            SqlRemoveJar.class, REMOVE_JAR,
            SqlBeginStatementSet.class, BEGIN_STATEMENT_SET,
            SqlEndStatementSet.class, END_STATEMENT_SET,
            SqlStopJob.class, STOP_JOB);

    @Override
    public Optional<StatementKind> analyze(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlSetOption option) {
            // ALTER SESSION / ALTER SYSTEM SET and RESET.
            return Optional.of(option.getValue() == null ? RESET : SET);
        }
        return Optional.ofNullable(KINDS.get(statement.getClass()));
    }
}
