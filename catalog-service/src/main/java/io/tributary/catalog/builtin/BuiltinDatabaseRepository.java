package io.tributary.catalog.builtin;

import static io.tributary.metadata.schema.Tables.BUILTIN_DATABASE;
import static io.tributary.metadata.schema.Tables.BUILTIN_DATABASE_PROPERTY;
import static io.tributary.metadata.schema.Tables.BUILTIN_FUNCTION;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE;
import static java.util.Objects.requireNonNull;

import io.tributary.metadata.schema.tables.records.BuiltinDatabaseRecord;
import io.tributary.metadata.schema.tables.records.BuiltinDatabasePropertyRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Stores the databases of one {@code tributary} catalog, with their comments and properties. */
final class BuiltinDatabaseRepository {

    private final BuiltinTransactions transactions;
    private final String catalog;
    private final Clock clock;
    private final PropertyRows<BuiltinDatabasePropertyRecord> properties = new PropertyRows<>(
            BUILTIN_DATABASE_PROPERTY,
            List.of(BUILTIN_DATABASE_PROPERTY.CATALOG_NAME, BUILTIN_DATABASE_PROPERTY.DATABASE_NAME),
            BUILTIN_DATABASE_PROPERTY.PROPERTY_KEY, BUILTIN_DATABASE_PROPERTY.PROPERTY_VALUE);

    BuiltinDatabaseRepository(BuiltinTransactions transactions, String catalog, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.catalog = BuiltinNames.catalogName(catalog);
        this.clock = requireNonNull(clock, "clock is null");
    }

    List<String> list() {
        return transactions.read("list the databases of catalog " + catalog, database -> database
                .select(BUILTIN_DATABASE.DATABASE_NAME)
                .from(BUILTIN_DATABASE)
                .where(BUILTIN_DATABASE.CATALOG_NAME.eq(catalog))
                .orderBy(BUILTIN_DATABASE.DATABASE_NAME)
                .fetch(BUILTIN_DATABASE.DATABASE_NAME));
    }

    boolean exists(String name) {
        return transactions.read("look up database " + name, database -> exists(database, name));
    }

    Optional<CatalogDatabase> find(String name) {
        return transactions.read("read database " + name, database -> database
                .selectFrom(BUILTIN_DATABASE)
                .where(named(name))
                .fetchOptional()
                .map(row -> new CatalogDatabaseImpl(properties.read(database, owner(name)), row.getDescription())));
    }

    /** Creates the database; {@link ChangeOutcome#EXISTS} when it is there already (created by anyone, any time). */
    ChangeOutcome create(String name, CatalogDatabase definition) {
        BuiltinNames.databaseName(name);
        requireNonNull(definition, "definition is null");
        return transactions.write("create database " + name, database -> {
            if (exists(database, name)) {
                return ChangeOutcome.EXISTS;
            }
            long now = clock.millis();
            database.insertInto(BUILTIN_DATABASE)
                    .set(BUILTIN_DATABASE.CATALOG_NAME, catalog)
                    .set(BUILTIN_DATABASE.DATABASE_NAME, name)
                    .set(BUILTIN_DATABASE.DESCRIPTION, definition.getComment())
                    .set(BUILTIN_DATABASE.CREATED_AT, now)
                    .set(BUILTIN_DATABASE.UPDATED_AT, now)
                    .execute();
            properties.insert(database, owner(name), definition.getProperties());
            return ChangeOutcome.DONE;
        }, () -> exists(name) ? Optional.of(ChangeOutcome.EXISTS) : Optional.empty());
    }

    /** Replaces the comment and the properties. */
    ChangeOutcome alter(String name, CatalogDatabase definition) {
        requireNonNull(definition, "definition is null");
        return transactions.write("alter database " + name, database -> {
            int updated = database.update(BUILTIN_DATABASE)
                    .set(BUILTIN_DATABASE.DESCRIPTION, definition.getComment())
                    .set(BUILTIN_DATABASE.UPDATED_AT, clock.millis())
                    .where(named(name))
                    .execute();
            if (updated == 0) {
                return ChangeOutcome.MISSING;
            }
            properties.replace(database, owner(name), definition.getProperties());
            return ChangeOutcome.DONE;
        }, Optional::empty);
    }

    /**
     * Drops the database and, with {@code cascade}, its tables, views and functions. The database's row is locked
     * first, so that no table or function can be created in it between the check for emptiness and the drop.
     */
    ChangeOutcome drop(String name, boolean cascade) {
        return transactions.write("drop database " + name, database -> {
            Optional<BuiltinDatabaseRecord> row = database.selectFrom(BUILTIN_DATABASE)
                    .where(named(name))
                    .forUpdate()
                    .fetchOptional();
            if (row.isEmpty()) {
                return ChangeOutcome.MISSING;
            }
            if (!cascade && !isEmpty(database, name)) {
                return ChangeOutcome.NOT_EMPTY;
            }
            // Tables (with their properties, partitions and statistics), functions and properties go with it.
            database.deleteFrom(BUILTIN_DATABASE).where(named(name)).execute();
            return ChangeOutcome.DONE;
        }, Optional::empty);
    }

    private boolean isEmpty(DSLContext database, String name) {
        return !database.fetchExists(BUILTIN_TABLE, BUILTIN_TABLE.CATALOG_NAME.eq(catalog)
                        .and(BUILTIN_TABLE.DATABASE_NAME.eq(name)))
                && !database.fetchExists(BUILTIN_FUNCTION, BUILTIN_FUNCTION.CATALOG_NAME.eq(catalog)
                        .and(BUILTIN_FUNCTION.DATABASE_NAME.eq(name)));
    }

    private boolean exists(DSLContext database, String name) {
        return database.fetchExists(BUILTIN_DATABASE, named(name));
    }

    private Condition named(String name) {
        return BUILTIN_DATABASE.CATALOG_NAME.eq(catalog).and(BUILTIN_DATABASE.DATABASE_NAME.eq(name));
    }

    private List<String> owner(String name) {
        return List.of(catalog, name);
    }
}
