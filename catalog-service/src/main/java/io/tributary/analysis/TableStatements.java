package io.tributary.analysis;

import static io.tributary.analysis.StatementKind.ALTER_MATERIALIZED_TABLE;
import static io.tributary.analysis.StatementKind.ALTER_TABLE;
import static io.tributary.analysis.StatementKind.ALTER_VIEW;
import static io.tributary.analysis.StatementKind.ANALYZE_TABLE;
import static io.tributary.analysis.StatementKind.CREATE_MATERIALIZED_TABLE;
import static io.tributary.analysis.StatementKind.CREATE_TABLE;
import static io.tributary.analysis.StatementKind.CREATE_TABLE_AS;
import static io.tributary.analysis.StatementKind.CREATE_VIEW;
import static io.tributary.analysis.StatementKind.DROP_MATERIALIZED_TABLE;
import static io.tributary.analysis.StatementKind.DROP_TABLE;
import static io.tributary.analysis.StatementKind.DROP_VIEW;
import static io.tributary.analysis.StatementKind.REPLACE_TABLE_AS;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.flink.sql.parser.ddl.SqlAlterMaterializedTable;
import org.apache.flink.sql.parser.ddl.SqlAlterTable;
import org.apache.flink.sql.parser.ddl.SqlAlterTableRename;
import org.apache.flink.sql.parser.ddl.SqlAlterView;
import org.apache.flink.sql.parser.ddl.SqlAlterViewAs;
import org.apache.flink.sql.parser.ddl.SqlAlterViewRename;
import org.apache.flink.sql.parser.ddl.SqlAnalyzeTable;
import org.apache.flink.sql.parser.ddl.SqlCreateMaterializedTable;
import org.apache.flink.sql.parser.ddl.SqlCreateTable;
import org.apache.flink.sql.parser.ddl.SqlCreateTableAs;
import org.apache.flink.sql.parser.ddl.SqlCreateTableLike;
import org.apache.flink.sql.parser.ddl.SqlCreateView;
import org.apache.flink.sql.parser.ddl.SqlDropMaterializedTable;
import org.apache.flink.sql.parser.ddl.SqlDropTable;
import org.apache.flink.sql.parser.ddl.SqlDropView;
import org.apache.flink.sql.parser.ddl.SqlReplaceTableAs;

/** DDL of tables, views and materialized tables, CTAS and RTAS, and ANALYZE TABLE. */
final class TableStatements implements StatementRule {

    @Override
    public Optional<StatementKind> analyze(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlCreateTable create) {
            return Optional.of(createTable(create, work));
        }
        if (statement instanceof SqlReplaceTableAs replace) {
            work.queries().query(replace.getAsQuery());
            defines(ObjectType.TABLE, work.table(replace.getTableName()), replace.isTemporary(), work);
            return Optional.of(REPLACE_TABLE_AS);
        }
        if (statement instanceof SqlDropTable drop) {
            drops(ObjectType.TABLE, work.table(drop.getTableName()), drop.isTemporary(), work);
            return Optional.of(DROP_TABLE);
        }
        if (statement instanceof SqlAlterTableRename rename) {
            renames(ObjectType.TABLE, work.table(rename.getTableName()), work.table(rename.fullNewTableName()), work);
            return Optional.of(ALTER_TABLE);
        }
        if (statement instanceof SqlAlterTable alter) {
            alters(ObjectType.TABLE, work.table(alter.getTableName()), work);
            return Optional.of(ALTER_TABLE);
        }
        if (statement instanceof SqlAnalyzeTable analyze) {
            TablePath path = work.table(analyze.fullTableName());
            if (!work.isTemporary(path)) {
                if (analyze.isAllColumns() || analyze.getColumnNames().length == 0) {
                    work.access().readAllColumns(path);
                } else {
                    List.of(analyze.getColumnNames()).forEach(column -> work.access().readColumn(path, column));
                }
            }
            work.target(ObjectReference.of(ObjectType.TABLE, path, work.isTemporary(path)));
            return Optional.of(ANALYZE_TABLE);
        }
        return views(statement, work).or(() -> materializedTables(statement, work));
    }

    private static StatementKind createTable(SqlCreateTable create, StatementWork work) {
        TablePath path = work.table(create.getTableName());
        StatementKind kind = CREATE_TABLE;
        if (create instanceof SqlCreateTableAs createAs) {
            work.queries().query(createAs.getAsQuery());
            kind = CREATE_TABLE_AS;
        } else if (create instanceof SqlCreateTableLike like) {
            work.resolver().readWhole(like.getTableLike().getSourceTable(), work.scope());
        }
        defines(ObjectType.TABLE, path, create.isTemporary(), work);
        return kind;
    }

    private static Optional<StatementKind> views(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlCreateView create) {
            TablePath path = work.table(create.getViewName());
            work.queries().query(create.getQuery());
            Optional<List<String>> columns = columnNames(create.getFieldList());
            SessionScope scope = work.scope();
            defines(ObjectType.VIEW, path, create.isTemporary(), work);
            work.afterwards(state -> state.createdView(
                    path, new TableObject.ScriptView(create.getQuery(), scope, columns, create.isTemporary())));
            return Optional.of(CREATE_VIEW);
        }
        if (statement instanceof SqlDropView drop) {
            drops(ObjectType.VIEW, work.table(drop.getViewName()), drop.isTemporary(), work);
            return Optional.of(DROP_VIEW);
        }
        if (statement instanceof SqlAlterViewRename rename) {
            renames(ObjectType.VIEW, work.table(rename.getViewIdentifier()), work.table(rename.fullNewViewName()), work);
            return Optional.of(ALTER_VIEW);
        }
        if (statement instanceof SqlAlterViewAs alter) {
            TablePath path = work.table(alter.getViewIdentifier());
            work.queries().query(alter.getNewQuery());
            boolean temporary = work.isTemporary(path);
            alters(ObjectType.VIEW, path, work);
            SessionScope scope = work.scope();
            work.afterwards(state -> state.createdView(
                    path, new TableObject.ScriptView(alter.getNewQuery(), scope, Optional.empty(), temporary)));
            return Optional.of(ALTER_VIEW);
        }
        if (statement instanceof SqlAlterView alter) {
            alters(ObjectType.VIEW, work.table(alter.getViewIdentifier()), work);
            return Optional.of(ALTER_VIEW);
        }
        return Optional.empty();
    }

    private static Optional<StatementKind> materializedTables(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlCreateMaterializedTable create) {
            work.queries().query(create.getAsQuery());
            defines(ObjectType.MATERIALIZED_TABLE, work.table(create.getTableName()), false, work);
            return Optional.of(CREATE_MATERIALIZED_TABLE);
        }
        if (statement instanceof SqlDropMaterializedTable drop) {
            drops(ObjectType.MATERIALIZED_TABLE, work.table(drop.fullTableName()), false, work);
            return Optional.of(DROP_MATERIALIZED_TABLE);
        }
        if (statement instanceof SqlAlterMaterializedTable alter) {
            alters(ObjectType.MATERIALIZED_TABLE, work.table(alter.getTableName()), work);
            return Optional.of(ALTER_MATERIALIZED_TABLE);
        }
        return Optional.empty();
    }

    /** CREATE: the new object is written unless it is temporary, and later statements of the script see it. */
    private static void defines(ObjectType type, TablePath path, boolean temporary, StatementWork work) {
        if (!temporary) {
            work.access().write(path, Set.of());
        }
        work.target(ObjectReference.of(type, path, temporary));
        if (type != ObjectType.VIEW) {
            work.afterwards(state -> state.createdTable(path, temporary));
        }
    }

    private static void drops(ObjectType type, TablePath path, boolean temporary, StatementWork work) {
        if (!temporary) {
            work.access().write(path, Set.of());
        }
        work.target(ObjectReference.of(type, path, temporary));
        work.afterwards(state -> state.dropped(path));
    }

    private static void alters(ObjectType type, TablePath path, StatementWork work) {
        boolean temporary = work.isTemporary(path);
        if (!temporary) {
            work.access().write(path, Set.of());
        }
        work.target(ObjectReference.of(type, path, temporary));
    }

    private static void renames(ObjectType type, TablePath from, TablePath to, StatementWork work) {
        boolean temporary = work.isTemporary(from);
        alters(type, from, work);
        if (!temporary) {
            work.access().write(to, Set.of());
        }
        work.afterwards(state -> state.renamed(from, to));
    }

    private static Optional<List<String>> columnNames(SqlNodeList fields) {
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fields.stream().map(field -> ((SqlIdentifier) field).getSimple()).toList());
    }
}
