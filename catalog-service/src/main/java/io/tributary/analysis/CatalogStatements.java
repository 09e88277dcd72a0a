package io.tributary.analysis;

import static io.tributary.analysis.StatementKind.ALTER_CATALOG;
import static io.tributary.analysis.StatementKind.ALTER_DATABASE;
import static io.tributary.analysis.StatementKind.ALTER_FUNCTION;
import static io.tributary.analysis.StatementKind.ALTER_MODEL;
import static io.tributary.analysis.StatementKind.CREATE_CATALOG;
import static io.tributary.analysis.StatementKind.CREATE_DATABASE;
import static io.tributary.analysis.StatementKind.CREATE_FUNCTION;
import static io.tributary.analysis.StatementKind.CREATE_MODEL;
import static io.tributary.analysis.StatementKind.DROP_CATALOG;
import static io.tributary.analysis.StatementKind.DROP_DATABASE;
import static io.tributary.analysis.StatementKind.DROP_FUNCTION;
import static io.tributary.analysis.StatementKind.DROP_MODEL;
import static io.tributary.analysis.StatementKind.USE_CATALOG;
import static io.tributary.analysis.StatementKind.USE_DATABASE;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;
import org.apache.flink.sql.parser.ddl.SqlAlterCatalog;
import org.apache.flink.sql.parser.ddl.SqlAlterDatabase;
import org.apache.flink.sql.parser.ddl.SqlAlterFunction;
import org.apache.flink.sql.parser.ddl.SqlAlterModel;
import org.apache.flink.sql.parser.ddl.SqlCreateCatalog;
import org.apache.flink.sql.parser.ddl.SqlCreateDatabase;
import org.apache.flink.sql.parser.ddl.SqlCreateFunction;
import org.apache.flink.sql.parser.ddl.SqlCreateModel;
import org.apache.flink.sql.parser.ddl.SqlCreateModelAs;
import org.apache.flink.sql.parser.ddl.SqlDropCatalog;
import org.apache.flink.sql.parser.ddl.SqlDropDatabase;
import org.apache.flink.sql.parser.ddl.SqlDropFunction;
import org.apache.flink.sql.parser.ddl.SqlDropModel;
import org.apache.flink.sql.parser.ddl.SqlTableOption;
import org.apache.flink.sql.parser.ddl.SqlUseCatalog;
import org.apache.flink.sql.parser.ddl.SqlUseDatabase;

/** DDL of catalogs, databases, functions and models, and USE. The object is the target; no tables. */
final class CatalogStatements implements StatementRule {

    @Override
    public Optional<StatementKind> analyze(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlCreateCatalog create) {
            String name = create.getCatalogName().getSimple();
            Optional<String> defaultDatabase = ScriptState.defaultDatabaseOption(options(create));
            work.target(ObjectReference.catalog(name));
            work.afterwards(state -> state.createdCatalog(name, defaultDatabase));
            return Optional.of(CREATE_CATALOG);
        }
        if (statement instanceof SqlDropCatalog drop) {
            work.target(Names.catalog(drop.getCatalogName().names));
            return Optional.of(DROP_CATALOG);
        }
        if (statement instanceof SqlAlterCatalog alter) {
            work.target(Names.catalog(alter.getCatalogName().names));
            return Optional.of(ALTER_CATALOG);
        }
        if (statement instanceof SqlUseCatalog use) {
            ObjectReference catalog = Names.catalog(use.getCatalogName().names);
            work.target(catalog);
            work.afterwards(state -> state.useCatalog(catalog.names().get(0)));
            return Optional.of(USE_CATALOG);
        }
        return databases(statement, work)
                .or(() -> functions(statement, work))
                .or(() -> models(statement, work));
    }

    private static Optional<StatementKind> databases(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlCreateDatabase create) {
            work.target(Names.database(create.getDatabaseName().names, work.scope()));
            return Optional.of(CREATE_DATABASE);
        }
        if (statement instanceof SqlDropDatabase drop) {
            work.target(Names.database(drop.getDatabaseName().names, work.scope()));
            return Optional.of(DROP_DATABASE);
        }
        if (statement instanceof SqlAlterDatabase alter) {
            work.target(Names.database(alter.getDatabaseName().names, work.scope()));
            return Optional.of(ALTER_DATABASE);
        }
        if (statement instanceof SqlUseDatabase use) {
            ObjectReference database = Names.database(use.getDatabaseName().names, work.scope());
            work.target(database);
            work.afterwards(state -> state.useDatabase(database.names().get(0), database.names().get(1)));
            return Optional.of(USE_DATABASE);
        }
        return Optional.empty();
    }

    private static Optional<StatementKind> functions(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlCreateFunction create) {
            work.target(Names.function(List.of(create.getFunctionIdentifier()), work.scope(),
                    create.isTemporary(), create.isSystemFunction()));
            return Optional.of(CREATE_FUNCTION);
        }
        if (statement instanceof SqlDropFunction drop) {
            work.target(Names.function(List.of(drop.getFunctionIdentifier()), work.scope(),
                    drop.isTemporary(), drop.isSystemFunction()));
            return Optional.of(DROP_FUNCTION);
        }
        if (statement instanceof SqlAlterFunction alter) {
            work.target(Names.function(List.of(alter.getFunctionIdentifier()), work.scope(),
                    alter.isTemporary(), alter.isSystemFunction()));
            return Optional.of(ALTER_FUNCTION);
        }
        return Optional.empty();
    }

    private static Optional<StatementKind> models(SqlNode statement, StatementWork work) {
        if (statement instanceof SqlCreateModel create) {
            if (create instanceof SqlCreateModelAs createAs) {
                work.queries().query(createAs.getAsQuery());
            }
            TablePath path = work.table(create.getModelName());
            work.target(ObjectReference.of(ObjectType.MODEL, path, create.isTemporary()));
            return Optional.of(CREATE_MODEL);
        }
        if (statement instanceof SqlDropModel drop) {
            TablePath path = work.table(drop.getModelName());
            work.target(ObjectReference.of(ObjectType.MODEL, path, drop.getIsTemporary()));
            return Optional.of(DROP_MODEL);
        }
        if (statement instanceof SqlAlterModel alter) {
            work.target(ObjectReference.of(ObjectType.MODEL, work.table(alter.getModelName()), false));
            return Optional.of(ALTER_MODEL);
        }
        return Optional.empty();
    }

    private static Map<String, String> options(SqlCreateCatalog create) {
        Map<String, String> options = new HashMap<>();
        if (create.getPropertyList() != null) {
            for (SqlNode property : create.getPropertyList()) {
                SqlTableOption option = (SqlTableOption) property;
                options.put(option.getKeyString(), option.getValueString());
            }
        }
        return options;
    }
}
