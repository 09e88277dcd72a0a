package io.tributary.catalog.builtin;

import static io.tributary.metadata.schema.Tables.BUILTIN_DATABASE;
import static io.tributary.metadata.schema.Tables.BUILTIN_FUNCTION;
import static io.tributary.metadata.schema.Tables.BUILTIN_FUNCTION_RESOURCE;
import static java.util.Objects.requireNonNull;

import io.tributary.metadata.schema.tables.records.BuiltinFunctionRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.CatalogFunctionImpl;
import org.apache.flink.table.catalog.FunctionLanguage;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.resource.ResourceType;
import org.apache.flink.table.resource.ResourceUri;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Stores the functions of one {@code tributary} catalog: class name, language and the resources (jars, files,
 * archives) they need. Paths are expected normalised (lower-case names) by the caller, as Flink resolves them.
 */
final class BuiltinFunctionRepository {

    private final BuiltinTransactions transactions;
    private final String catalog;
    private final Clock clock;

    BuiltinFunctionRepository(BuiltinTransactions transactions, String catalog, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.catalog = BuiltinNames.catalogName(catalog);
        this.clock = requireNonNull(clock, "clock is null");
    }

    List<String> list(String databaseName) {
        return transactions.read("list the functions of database " + databaseName, database -> database
                .select(BUILTIN_FUNCTION.FUNCTION_NAME)
                .from(BUILTIN_FUNCTION)
                .where(BUILTIN_FUNCTION.CATALOG_NAME.eq(catalog).and(BUILTIN_FUNCTION.DATABASE_NAME.eq(databaseName)))
                .orderBy(BUILTIN_FUNCTION.FUNCTION_NAME)
                .fetch(BUILTIN_FUNCTION.FUNCTION_NAME));
    }

    boolean exists(ObjectPath path) {
        return transactions.read("look up function " + path.getFullName(),
                database -> database.fetchExists(BUILTIN_FUNCTION, at(path)));
    }

    Optional<CatalogFunction> find(ObjectPath path) {
        return transactions.read("read function " + path.getFullName(), database -> database
                .selectFrom(BUILTIN_FUNCTION)
                .where(at(path))
                .fetchOptional()
                .map(row -> toFunction(database, row)));
    }

    ChangeOutcome create(ObjectPath path, CatalogFunction function) {
        BuiltinNames.objectName(path.getObjectName());
        return transactions.write("create function " + path.getFullName(), database -> {
            if (!databaseExists(database, path.getDatabaseName())) {
                return ChangeOutcome.PARENT_MISSING;
            }
            if (database.fetchExists(BUILTIN_FUNCTION, at(path))) {
                return ChangeOutcome.EXISTS;
            }
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            database.insertInto(BUILTIN_FUNCTION)
                    .set(BUILTIN_FUNCTION.ID, id)
                    .set(BUILTIN_FUNCTION.CATALOG_NAME, catalog)
                    .set(BUILTIN_FUNCTION.DATABASE_NAME, path.getDatabaseName())
                    .set(BUILTIN_FUNCTION.FUNCTION_NAME, path.getObjectName())
                    .set(BUILTIN_FUNCTION.CLASS_NAME, BuiltinNames.className(function.getClassName()))
                    .set(BUILTIN_FUNCTION.FUNCTION_LANGUAGE, function.getFunctionLanguage().name())
                    .set(BUILTIN_FUNCTION.CREATED_AT, now)
                    .set(BUILTIN_FUNCTION.UPDATED_AT, now)
                    .execute();
            insertResources(database, id, function.getFunctionResources());
            return ChangeOutcome.DONE;
        }, () -> explainConflict(path));
    }

    ChangeOutcome replace(ObjectPath path, CatalogFunction function) {
        return transactions.write("alter function " + path.getFullName(), database -> {
            Optional<String> id = database.select(BUILTIN_FUNCTION.ID).from(BUILTIN_FUNCTION).where(at(path))
                    .forUpdate().fetchOptional(BUILTIN_FUNCTION.ID);
            if (id.isEmpty()) {
                return ChangeOutcome.MISSING;
            }
            database.update(BUILTIN_FUNCTION)
                    .set(BUILTIN_FUNCTION.CLASS_NAME, BuiltinNames.className(function.getClassName()))
                    .set(BUILTIN_FUNCTION.FUNCTION_LANGUAGE, function.getFunctionLanguage().name())
                    .set(BUILTIN_FUNCTION.UPDATED_AT, clock.millis())
                    .where(BUILTIN_FUNCTION.ID.eq(id.get()))
                    .execute();
            database.deleteFrom(BUILTIN_FUNCTION_RESOURCE).where(BUILTIN_FUNCTION_RESOURCE.FUNCTION_ID.eq(id.get()))
                    .execute();
            insertResources(database, id.get(), function.getFunctionResources());
            return ChangeOutcome.DONE;
        }, Optional::empty);
    }

    ChangeOutcome drop(ObjectPath path) {
        return transactions.write("drop function " + path.getFullName(), database ->
                database.deleteFrom(BUILTIN_FUNCTION).where(at(path)).execute() == 0
                        ? ChangeOutcome.MISSING
                        : ChangeOutcome.DONE, Optional::empty);
    }

    private Optional<ChangeOutcome> explainConflict(ObjectPath path) {
        if (exists(path)) {
            return Optional.of(ChangeOutcome.EXISTS);
        }
        boolean databaseExists = transactions.read("look up database " + path.getDatabaseName(),
                database -> databaseExists(database, path.getDatabaseName()));
        return databaseExists ? Optional.empty() : Optional.of(ChangeOutcome.PARENT_MISSING);
    }

    private boolean databaseExists(DSLContext database, String name) {
        return database.fetchExists(BUILTIN_DATABASE,
                BUILTIN_DATABASE.CATALOG_NAME.eq(catalog).and(BUILTIN_DATABASE.DATABASE_NAME.eq(name)));
    }

    private static void insertResources(DSLContext database, String functionId, List<ResourceUri> resources) {
        for (int index = 0; index < resources.size(); index++) {
            database.insertInto(BUILTIN_FUNCTION_RESOURCE)
                    .set(BUILTIN_FUNCTION_RESOURCE.FUNCTION_ID, functionId)
                    .set(BUILTIN_FUNCTION_RESOURCE.RESOURCE_INDEX, index)
                    .set(BUILTIN_FUNCTION_RESOURCE.RESOURCE_TYPE, resources.get(index).getResourceType().name())
                    .set(BUILTIN_FUNCTION_RESOURCE.RESOURCE_URI, resources.get(index).getUri())
                    .execute();
        }
    }

    private static CatalogFunction toFunction(DSLContext database, BuiltinFunctionRecord row) {
        List<ResourceUri> resources = database
                .select(BUILTIN_FUNCTION_RESOURCE.RESOURCE_TYPE, BUILTIN_FUNCTION_RESOURCE.RESOURCE_URI)
                .from(BUILTIN_FUNCTION_RESOURCE)
                .where(BUILTIN_FUNCTION_RESOURCE.FUNCTION_ID.eq(row.getId()))
                .orderBy(BUILTIN_FUNCTION_RESOURCE.RESOURCE_INDEX)
                .fetch(resource -> new ResourceUri(ResourceType.valueOf(resource.value1()), resource.value2()));
        return new CatalogFunctionImpl(row.getClassName(), FunctionLanguage.valueOf(row.getFunctionLanguage()),
                resources);
    }

    private Condition at(ObjectPath path) {
        return BUILTIN_FUNCTION.CATALOG_NAME.eq(catalog)
                .and(BUILTIN_FUNCTION.DATABASE_NAME.eq(path.getDatabaseName()))
                .and(BUILTIN_FUNCTION.FUNCTION_NAME.eq(path.getObjectName()));
    }
}
