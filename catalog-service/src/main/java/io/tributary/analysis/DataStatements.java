package io.tributary.analysis;

import static io.tributary.analysis.StatementKind.CALL;
import static io.tributary.analysis.StatementKind.DELETE;
import static io.tributary.analysis.StatementKind.INSERT;
import static io.tributary.analysis.StatementKind.MERGE;
import static io.tributary.analysis.StatementKind.QUERY;
import static io.tributary.analysis.StatementKind.STATEMENT_SET;
import static io.tributary.analysis.StatementKind.TRUNCATE_TABLE;
import static io.tributary.analysis.StatementKind.UPDATE;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDelete;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlMerge;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.flink.sql.parser.dml.RichSqlInsert;
import org.apache.flink.sql.parser.dml.SqlStatementSet;
import org.apache.flink.sql.parser.dml.SqlTruncateTable;

/** Queries and statements that change data: INSERT, statement sets, DELETE, UPDATE, MERGE, TRUNCATE, CALL. */
final class DataStatements implements StatementRule {

    @Override
    public Optional<StatementKind> analyze(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlInsert insert) {
            insert(insert, work);
            return Optional.of(INSERT);
        }
        if (statement instanceof SqlStatementSet set) {
            set.getInserts().forEach(insert -> insert(insert, work));
            return Optional.of(STATEMENT_SET);
        }
        if (statement.isA(SqlKind.QUERY)) {
            work.queries().query(statement);
            return Optional.of(QUERY);
        }
        if (statement instanceof SqlDelete delete) {
            SqlIdentifier table = tableName(delete.getTargetTable());
            work.resolver().write(table, work.scope(), Set.of());
            QueryScope scope = targetScope(table, delete.getAlias(), work);
            work.queries().expression(delete.getCondition(), scope, Ctes.NONE);
            return Optional.of(DELETE);
        }
        if (statement instanceof SqlUpdate update) {
            SqlIdentifier table = tableName(update.getTargetTable());
            work.resolver().write(table, work.scope(), QueryWalker.simpleNames(update.getTargetColumnList()));
            QueryScope scope = targetScope(table, update.getAlias(), work);
            QueryWalker queries = work.queries();
            queries.expression(update.getSourceExpressionList(), scope, Ctes.NONE);
            queries.expression(update.getCondition(), scope, Ctes.NONE);
            return Optional.of(UPDATE);
        }
        if (statement instanceof SqlMerge merge) {
            merge(merge, work);
            return Optional.of(MERGE);
        }
        if (statement instanceof SqlTruncateTable truncate) {
            TablePath path = work.table(truncate.fullTableName());
            if (!work.isTemporary(path)) {
                work.access().write(path, Set.of());
            }
            return Optional.of(TRUNCATE_TABLE);
        }
        if (statement.getKind() == SqlKind.PROCEDURE_CALL) {
            call((SqlCall) ((SqlCall) statement).operand(0), work);
            return Optional.of(CALL);
        }
        return Optional.empty();
    }

    private static void insert(SqlInsert insert, StatementWork work) {
        SqlNode target = insert instanceof RichSqlInsert rich ? rich.getTargetTableID() : insert.getTargetTable();
        Set<String> columns = new LinkedHashSet<>();
        if (insert.getTargetColumnList() != null && !insert.getTargetColumnList().isEmpty()) {
            columns.addAll(QueryWalker.simpleNames(insert.getTargetColumnList()));
            if (insert instanceof RichSqlInsert rich) {
                columns.addAll(rich.getStaticPartitionKVs().keySet());
            }
        }
        work.resolver().write(tableName(target), work.scope(), columns);
        work.queries().query(insert.getSource());
    }

    private static void merge(SqlMerge merge, StatementWork work) {
        SqlIdentifier table = tableName(merge.getTargetTable());
        work.resolver().write(table, work.scope(), Set.of());
        QueryScope scope = targetScope(table, merge.getAlias(), work);
        QueryWalker queries = work.queries();
        scope.add(queries.fromItem(merge.getSourceTableRef(), scope));
        queries.expression(merge.getCondition(), scope, Ctes.NONE);
        if (merge.getUpdateCall() != null) {
            queries.expression(merge.getUpdateCall().getSourceExpressionList(), scope, Ctes.NONE);
            queries.expression(merge.getUpdateCall().getCondition(), scope, Ctes.NONE);
        }
        if (merge.getInsertCall() != null) {
            SqlNode source = merge.getInsertCall().getSource();
            List<SqlNode> rows = source.getKind() == SqlKind.VALUES ? ((SqlCall) source).getOperandList() : List.of(source);
            rows.forEach(row -> queries.expression(row, scope, Ctes.NONE));
        }
    }

    private static void call(SqlCall procedure, StatementWork work) {
        if (procedure.getOperator() instanceof SqlFunction function && function.getSqlIdentifier() != null) {
            TablePath path = work.table(function.getSqlIdentifier());
            work.target(ObjectReference.of(ObjectType.PROCEDURE, path, false));
        }
        QueryWalker queries = work.queries();
        QueryScope scope = queries.newScope(null);
        procedure.getOperandList().forEach(argument -> queries.expression(argument, scope, Ctes.NONE));
    }

    /** The scope of a DML condition: the target table, under its alias. */
    private static QueryScope targetScope(SqlIdentifier table, SqlIdentifier alias, StatementWork work) {
        QueryScope scope = work.queries().newScope(null);
        Optional<String> name = Optional.ofNullable(alias).map(SqlIdentifier::getSimple);
        scope.add(work.resolver().target(table, work.scope(), name));
        return scope;
    }

    /** The table's name, without its hints. */
    static SqlIdentifier tableName(SqlNode target) {
        SqlNode node = target;
        while (node.getKind() == SqlKind.TABLE_REF) {
            node = ((SqlCall) node).operand(0);
        }
        return (SqlIdentifier) node;
    }
}
