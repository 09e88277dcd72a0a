package io.tributary.catalog.builtin;

import static io.tributary.metadata.schema.Tables.BUILTIN_PARTITION;
import static io.tributary.metadata.schema.Tables.BUILTIN_PARTITION_PROPERTY;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE;
import static java.util.Objects.requireNonNull;

import io.tributary.metadata.schema.tables.records.BuiltinPartitionPropertyRecord;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.table.catalog.CatalogPartition;
import org.apache.flink.table.catalog.CatalogPartitionImpl;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.jooq.Condition;

/**
 * Stores the partitions of the tables of the {@code tributary} catalogs, by table id: the spec (see
 * {@link PartitionSpecCodec}), comment and properties of each.
 */
final class BuiltinPartitionRepository {

    private final BuiltinTransactions transactions;
    private final Clock clock;
    private final PropertyRows<BuiltinPartitionPropertyRecord> properties = new PropertyRows<>(
            BUILTIN_PARTITION_PROPERTY, List.of(BUILTIN_PARTITION_PROPERTY.PARTITION_ID),
            BUILTIN_PARTITION_PROPERTY.PROPERTY_KEY, BUILTIN_PARTITION_PROPERTY.PROPERTY_VALUE);

    BuiltinPartitionRepository(BuiltinTransactions transactions, Clock clock) {
        this.transactions = requireNonNull(transactions, "transactions is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** The specs of a table's partitions, in the order of their canonical texts. */
    List<CatalogPartitionSpec> list(String tableId) {
        return transactions.read("list partitions", database -> database
                .select(BUILTIN_PARTITION.PARTITION_SPEC)
                .from(BUILTIN_PARTITION)
                .where(BUILTIN_PARTITION.TABLE_ID.eq(tableId))
                .fetch(BUILTIN_PARTITION.PARTITION_SPEC))
                .stream()
                .sorted()
                .map(PartitionSpecCodec::decode)
                .toList();
    }

    Optional<StoredPartition> find(String tableId, CatalogPartitionSpec spec) {
        return transactions.read("read partition " + spec, database -> database
                .selectFrom(BUILTIN_PARTITION)
                .where(of(tableId, spec))
                .fetchOptional()
                .map(row -> new StoredPartition(row.getId(), new CatalogPartitionImpl(
                        properties.read(database, List.of(row.getId())), row.getDescription()))));
    }

    /** Creates the partition; {@link ChangeOutcome#PARENT_MISSING} when its table was dropped meanwhile. */
    ChangeOutcome create(String tableId, CatalogPartitionSpec spec, CatalogPartition partition) {
        String text = PartitionSpecCodec.encode(spec);
        return transactions.write("create partition " + spec, database -> {
            if (!database.fetchExists(BUILTIN_TABLE, BUILTIN_TABLE.ID.eq(tableId))) {
                return ChangeOutcome.PARENT_MISSING;
            }
            if (database.fetchExists(BUILTIN_PARTITION, of(tableId, spec))) {
                return ChangeOutcome.EXISTS;
            }
            String id = UUID.randomUUID().toString();
            long now = clock.millis();
            database.insertInto(BUILTIN_PARTITION)
                    .set(BUILTIN_PARTITION.ID, id)
                    .set(BUILTIN_PARTITION.TABLE_ID, tableId)
                    .set(BUILTIN_PARTITION.SPEC_HASH, PartitionSpecCodec.hash(text))
                    .set(BUILTIN_PARTITION.PARTITION_SPEC, text)
                    .set(BUILTIN_PARTITION.DESCRIPTION, partition.getComment())
                    .set(BUILTIN_PARTITION.CREATED_AT, now)
                    .set(BUILTIN_PARTITION.UPDATED_AT, now)
                    .execute();
            properties.insert(database, List.of(id), partition.getProperties());
            return ChangeOutcome.DONE;
        }, () -> find(tableId, spec).isPresent() ? Optional.of(ChangeOutcome.EXISTS) : Optional.empty());
    }

    ChangeOutcome replace(String tableId, CatalogPartitionSpec spec, CatalogPartition partition) {
        return transactions.write("alter partition " + spec, database -> {
            Optional<String> id = database.select(BUILTIN_PARTITION.ID).from(BUILTIN_PARTITION)
                    .where(of(tableId, spec)).forUpdate().fetchOptional(BUILTIN_PARTITION.ID);
            if (id.isEmpty()) {
                return ChangeOutcome.MISSING;
            }
            database.update(BUILTIN_PARTITION)
                    .set(BUILTIN_PARTITION.DESCRIPTION, partition.getComment())
                    .set(BUILTIN_PARTITION.UPDATED_AT, clock.millis())
                    .where(BUILTIN_PARTITION.ID.eq(id.get()))
                    .execute();
            properties.replace(database, List.of(id.get()), partition.getProperties());
            return ChangeOutcome.DONE;
        }, Optional::empty);
    }

    /** Drops the partition with its properties and statistics. */
    ChangeOutcome drop(String tableId, CatalogPartitionSpec spec) {
        return transactions.write("drop partition " + spec, database ->
                database.deleteFrom(BUILTIN_PARTITION).where(of(tableId, spec)).execute() == 0
                        ? ChangeOutcome.MISSING
                        : ChangeOutcome.DONE, Optional::empty);
    }

    private static Condition of(String tableId, CatalogPartitionSpec spec) {
        return BUILTIN_PARTITION.TABLE_ID.eq(tableId)
                .and(BUILTIN_PARTITION.SPEC_HASH.eq(PartitionSpecCodec.hash(PartitionSpecCodec.encode(spec))));
    }
}
