package io.tributary.catalog.builtin;

import static io.tributary.metadata.schema.Tables.BUILTIN_DATABASE;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE_BUCKET_KEY;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE_PROPERTY;
import static java.util.Objects.requireNonNull;

import io.tributary.metadata.schema.tables.records.BuiltinTablePropertyRecord;
import io.tributary.metadata.schema.tables.records.BuiltinTableRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.table.catalog.CatalogBaseTable.TableKind;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.TableDistribution;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Stores the tables, views and materialized tables of one {@code tributary} catalog: a row each, its properties
 * and its bucket keys. An object keeps its id for life (renames and alterations included), so its partitions and
 * statistics, which hang off the id, stay with it.
 */
final class BuiltinTableRepository {

    private final BuiltinTransactions transactions;
    private final String catalog;
    private final Clock clock;
    private final PropertyRows<BuiltinTablePropertyRecord> properties = new PropertyRows<>(BUILTIN_TABLE_PROPERTY,
            List.of(BUILTIN_TABLE_PROPERTY.TABLE_ID), BUILTIN_TABLE_PROPERTY.PROPERTY_KEY,
            BUILTIN_TABLE_PROPERTY.PROPERTY_VALUE);

    BuiltinTableRepository(BuiltinTransactions transactions, String catalog, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.catalog = BuiltinNames.catalogName(catalog);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The names of the objects of a database, all kinds or one. */
    List<String> list(String databaseName, Optional<TableKind> kind) {
        Condition condition = BUILTIN_TABLE.CATALOG_NAME.eq(catalog).and(BUILTIN_TABLE.DATABASE_NAME.eq(databaseName))
                .and(kind.map(k -> BUILTIN_TABLE.TABLE_KIND.eq(k.name())).orElse(DSL.noCondition()));
        return transactions.read("list the tables of database " + databaseName, database -> database
                .select(BUILTIN_TABLE.TABLE_NAME)
                .from(BUILTIN_TABLE)
                .where(condition)
                .orderBy(BUILTIN_TABLE.TABLE_NAME)
                .fetch(BUILTIN_TABLE.TABLE_NAME));
    }

    boolean exists(ObjectPath path) {
        return transactions.read("look up " + path.getFullName(), database -> database.fetchExists(
                BUILTIN_TABLE, at(path)));
    }

    /** The id alone, for what hangs off it (partitions, statistics). */
    Optional<String> findId(ObjectPath path) {
        return transactions.read("look up " + path.getFullName(), database -> database
                .select(BUILTIN_TABLE.ID)
                .from(BUILTIN_TABLE)
                .where(at(path))
                .fetchOptional(BUILTIN_TABLE.ID));
    }

    Optional<StoredTable> find(ObjectPath path) {
        return transactions.read("read " + path.getFullName(), database -> database
                .selectFrom(BUILTIN_TABLE)
                .where(at(path))
                .fetchOptional()
                .map(row -> new StoredTable(row.getId(), definition(database, row))));
    }

    ChangeOutcome create(ObjectPath path, TableDefinition definition) {
        BuiltinNames.objectName(path.getObjectName());
        return transactions.write("create " + path.getFullName(), database -> {
            if (!databaseExists(database, path.getDatabaseName())) {
                return ChangeOutcome.PARENT_MISSING;
            }
            if (database.fetchExists(BUILTIN_TABLE, at(path))) {
                return ChangeOutcome.EXISTS;
            }
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            database.insertInto(BUILTIN_TABLE)
                    .set(BUILTIN_TABLE.ID, id)
                    .set(BUILTIN_TABLE.CATALOG_NAME, catalog)
                    .set(BUILTIN_TABLE.DATABASE_NAME, path.getDatabaseName())
                    .set(BUILTIN_TABLE.TABLE_NAME, path.getObjectName())
                    .set(BUILTIN_TABLE.CREATED_AT, now)
                    .set(BUILTIN_TABLE.UPDATED_AT, now)
                    .set(BUILTIN_TABLE.TABLE_KIND, definition.kind().name())
                    .set(BUILTIN_TABLE.ORIGINAL_QUERY, definition.originalQuery().orElse(null))
                    .set(BUILTIN_TABLE.EXPANDED_QUERY, definition.expandedQuery().orElse(null))
                    .set(BUILTIN_TABLE.DISTRIBUTION_KIND, definition.distribution().map(d -> d.getKind().name())
                            .orElse(null))
                    .set(BUILTIN_TABLE.DISTRIBUTION_BUCKETS, definition.distribution()
                            .flatMap(TableDistribution::getBucketCount).orElse(null))
                    .execute();
            writeContents(database, id, definition);
            return ChangeOutcome.DONE;
        }, () -> explainConflict(path));
    }

    /** Replaces the definition of an object by one of the same kind, keeping its id. */
    ChangeOutcome replace(ObjectPath path, TableDefinition definition) {
        return transactions.write("alter " + path.getFullName(), database -> {
            Optional<BuiltinTableRecord> row = database.selectFrom(BUILTIN_TABLE).where(at(path)).forUpdate()
                    .fetchOptional();
            if (row.isEmpty()) {
                return ChangeOutcome.MISSING;
            }
            if (!row.get().getTableKind().equals(definition.kind().name())) {
                return ChangeOutcome.KIND_MISMATCH;
            }
            String id = row.get().getId();
            database.update(BUILTIN_TABLE)
                    .set(BUILTIN_TABLE.UPDATED_AT, clock.millis())
                    .set(BUILTIN_TABLE.ORIGINAL_QUERY, definition.originalQuery().orElse(null))
                    .set(BUILTIN_TABLE.EXPANDED_QUERY, definition.expandedQuery().orElse(null))
                    .set(BUILTIN_TABLE.DISTRIBUTION_KIND, definition.distribution().map(d -> d.getKind().name())
                            .orElse(null))
                    .set(BUILTIN_TABLE.DISTRIBUTION_BUCKETS, definition.distribution()
                            .flatMap(TableDistribution::getBucketCount).orElse(null))
                    .where(BUILTIN_TABLE.ID.eq(id))
                    .execute();
            properties.delete(database, List.of(id));
            database.deleteFrom(BUILTIN_TABLE_BUCKET_KEY).where(BUILTIN_TABLE_BUCKET_KEY.TABLE_ID.eq(id)).execute();
            writeContents(database, id, definition);
            return ChangeOutcome.DONE;
        }, Optional::empty);
    }

    /** Renames within the database; {@link ChangeOutcome#EXISTS} when the new name is taken. */
    ChangeOutcome rename(ObjectPath path, String newName) {
        BuiltinNames.objectName(newName);
        ObjectPath target = new ObjectPath(path.getDatabaseName(), newName);
        return transactions.write("rename " + path.getFullName(), database -> {
            if (!database.fetchExists(BUILTIN_TABLE, at(path))) {
                return ChangeOutcome.MISSING;
            }
            if (database.fetchExists(BUILTIN_TABLE, at(target))) {
                return ChangeOutcome.EXISTS;
            }
            database.update(BUILTIN_TABLE)
                    .set(BUILTIN_TABLE.TABLE_NAME, newName)
                    .set(BUILTIN_TABLE.UPDATED_AT, clock.millis())
                    .where(at(path))
                    .execute();
            return ChangeOutcome.DONE;
        }, () -> exists(target) ? Optional.of(ChangeOutcome.EXISTS) : Optional.empty());
    }

    /** Drops the object with its properties, partitions and statistics. */
    ChangeOutcome drop(ObjectPath path) {
        return transactions.write("drop " + path.getFullName(), database ->
                database.deleteFrom(BUILTIN_TABLE).where(at(path)).execute() == 0
                        ? ChangeOutcome.MISSING
                        : ChangeOutcome.DONE, Optional::empty);
    }

    private void writeContents(DSLContext database, String id, TableDefinition definition) {
        properties.insert(database, List.of(id), definition.properties());
        List<String> bucketKeys = definition.distribution().map(TableDistribution::getBucketKeys).orElse(List.of());
        for (int index = 0; index < bucketKeys.size(); index++) {
            database.insertInto(BUILTIN_TABLE_BUCKET_KEY)
                    .set(BUILTIN_TABLE_BUCKET_KEY.TABLE_ID, id)
                    .set(BUILTIN_TABLE_BUCKET_KEY.KEY_INDEX, index)
                    .set(BUILTIN_TABLE_BUCKET_KEY.COLUMN_NAME, BuiltinNames.columnName(bucketKeys.get(index)))
                    .execute();
        }
    }

    private TableDefinition definition(DSLContext database, BuiltinTableRecord row) {
        Optional<TableDistribution> distribution = Optional.ofNullable(row.getDistributionKind()).map(kind ->
                TableDistribution.of(TableDistribution.Kind.valueOf(kind), row.getDistributionBuckets(), database
                        .select(BUILTIN_TABLE_BUCKET_KEY.COLUMN_NAME)
                        .from(BUILTIN_TABLE_BUCKET_KEY)
                        .where(BUILTIN_TABLE_BUCKET_KEY.TABLE_ID.eq(row.getId()))
                        .orderBy(BUILTIN_TABLE_BUCKET_KEY.KEY_INDEX)
                        .fetch(BUILTIN_TABLE_BUCKET_KEY.COLUMN_NAME)));
        return new TableDefinition(TableKind.valueOf(row.getTableKind()), properties.read(database, List.of(row.getId())),
                Optional.ofNullable(row.getOriginalQuery()), Optional.ofNullable(row.getExpandedQuery()), distribution);
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

    private Condition at(ObjectPath path) {
        return BUILTIN_TABLE.CATALOG_NAME.eq(catalog)
                .and(BUILTIN_TABLE.DATABASE_NAME.eq(path.getDatabaseName()))
                .and(BUILTIN_TABLE.TABLE_NAME.eq(path.getObjectName()));
    }
}
