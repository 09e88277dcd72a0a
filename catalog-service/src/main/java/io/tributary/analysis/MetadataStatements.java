package io.tributary.analysis;

import static io.tributary.analysis.StatementKind.DESCRIBE;
import static io.tributary.analysis.StatementKind.SHOW;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.sql.SqlDescribeSchema;
import org.apache.calcite.sql.SqlDescribeTable;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.flink.sql.parser.dql.SqlDescribeCatalog;
import org.apache.flink.sql.parser.dql.SqlDescribeDatabase;
import org.apache.flink.sql.parser.dql.SqlDescribeJob;
import org.apache.flink.sql.parser.dql.SqlRichDescribeModel;
import org.apache.flink.sql.parser.dql.SqlRichDescribeTable;
import org.apache.flink.sql.parser.dql.SqlShowCatalogs;
import org.apache.flink.sql.parser.dql.SqlShowColumns;
import org.apache.flink.sql.parser.dql.SqlShowCreateCatalog;
import org.apache.flink.sql.parser.dql.SqlShowCreateModel;
import org.apache.flink.sql.parser.dql.SqlShowCreateTable;
import org.apache.flink.sql.parser.dql.SqlShowCreateView;
import org.apache.flink.sql.parser.dql.SqlShowCurrentCatalog;
import org.apache.flink.sql.parser.dql.SqlShowCurrentDatabase;
import org.apache.flink.sql.parser.dql.SqlShowDatabases;
import org.apache.flink.sql.parser.dql.SqlShowFunctions;
import org.apache.flink.sql.parser.dql.SqlShowJars;
import org.apache.flink.sql.parser.dql.SqlShowJobs;
import org.apache.flink.sql.parser.dql.SqlShowModels;
import org.apache.flink.sql.parser.dql.SqlShowModules;
import org.apache.flink.sql.parser.dql.SqlShowPartitions;
import org.apache.flink.sql.parser.dql.SqlShowProcedures;
import org.apache.flink.sql.parser.dql.SqlShowTables;
import org.apache.flink.sql.parser.dql.SqlShowViews;

/** SHOW and DESCRIBE: they read metadata, not data; the object they are about is the target. */
final class MetadataStatements implements StatementRule {

    @Override
    public Optional<StatementKind> analyze(SqlNode statement, StatementWork work) {
        return show(statement, work).or(() -> describe(statement, work));
    }

    private static Optional<StatementKind> show(SqlNode statement, StatementWork work) {
        SessionScope scope = work.scope();
        if (statement instanceof SqlShowCatalogs || statement instanceof SqlShowCurrentCatalog
                || statement instanceof SqlShowCurrentDatabase || statement instanceof SqlShowModules
                || statement instanceof SqlShowJars || statement instanceof SqlShowJobs) {
            return Optional.of(SHOW);
        }
        if (statement instanceof SqlShowDatabases show) {
            String[] catalog = show.getCatalog();
            work.target(ObjectReference.catalog(catalog.length == 0 ? scope.catalog() : catalog[0]));
        } else if (statement instanceof SqlShowTables show) {
            work.target(Names.databaseOrCurrent(List.of(show.fullDatabaseName()), scope));
        } else if (statement instanceof SqlShowViews) {
            work.target(Names.databaseOrCurrent(List.of(), scope));
        } else if (statement instanceof SqlShowFunctions show) {
            work.target(Names.databaseOrCurrent(List.of(show.fullDatabaseName()), scope));
        } else if (statement instanceof SqlShowProcedures show) {
            work.target(Names.databaseOrCurrent(List.of(show.fullDatabaseName()), scope));
        } else if (statement instanceof SqlShowModels show) {
            work.target(Names.databaseOrCurrent(List.of(show.fullDatabaseName()), scope));
        } else if (statement instanceof SqlShowColumns show) {
            tableTarget(ObjectType.TABLE, work.table(show.fullTableName()), work);
        } else if (statement instanceof SqlShowPartitions show) {
            tableTarget(ObjectType.TABLE, work.table(show.fullTableName()), work);
        } else if (statement instanceof SqlShowCreateTable show) {
            tableTarget(ObjectType.TABLE, work.table(show.getTableName()), work);
        } else if (statement instanceof SqlShowCreateView show) {
            tableTarget(ObjectType.VIEW, work.table(show.getViewName()), work);
        } else if (statement instanceof SqlShowCreateCatalog show) {
            work.target(Names.catalog(show.getCatalogName().names));
        } else if (statement instanceof SqlShowCreateModel show) {
            work.target(ObjectReference.of(ObjectType.MODEL, work.table(show.getModelName()), false));
        } else {
            return Optional.empty();
        }
        return Optional.of(SHOW);
    }

    private static Optional<StatementKind> describe(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlRichDescribeTable describe) {
            tableTarget(ObjectType.TABLE, work.table(describe.fullTableName()), work);
        } else if (statement instanceof SqlDescribeCatalog describe) {
            work.target(ObjectReference.catalog(describe.getCatalogName()));
        } else if (statement instanceof SqlDescribeDatabase describe) {
            SqlIdentifier database = (SqlIdentifier) describe.getOperandList().get(0);
            work.target(Names.database(database.names, work.scope()));
        } else if (statement instanceof SqlRichDescribeModel describe) {
            work.target(ObjectReference.of(ObjectType.MODEL, work.table(describe.fullModelName()), false));
        } else if (statement instanceof SqlDescribeSchema describe) {
            work.target(Names.database(describe.getSchema().names, work.scope()));
        } else if (statement instanceof SqlDescribeTable describe) {
            tableTarget(ObjectType.TABLE, work.table(describe.getTable()), work);
        } else if (!(statement instanceof SqlDescribeJob)) {
            return Optional.empty();
        }
        return Optional.of(DESCRIBE);
    }

    private static void tableTarget(ObjectType type, TablePath path, StatementWork work) {
        work.target(ObjectReference.of(type, path, work.isTemporary(path)));
    }
}
