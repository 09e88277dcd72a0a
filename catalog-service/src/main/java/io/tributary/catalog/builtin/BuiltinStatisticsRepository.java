package io.tributary.catalog.builtin;

import static io.tributary.metadata.schema.Tables.BUILTIN_PARTITION;
import static io.tributary.metadata.schema.Tables.BUILTIN_PARTITION_STATISTIC;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE_STATISTIC;
import static java.util.Objects.requireNonNull;

import io.tributary.metadata.schema.tables.records.BuiltinPartitionStatisticRecord;
import io.tributary.metadata.schema.tables.records.BuiltinTableStatisticRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Table;

/**
 * Stores the statistics of tables and of partitions, by their ids, as the string properties of
 * {@link StatisticsCodec}: one set for the table (or partition) as a whole, one for its columns.
 */
final class BuiltinStatisticsRepository {

    /** The two sets of statistics an owner has. */
    enum Kind {
        TABLE,
        COLUMN
    }

    private final BuiltinTransactions transactions;
    private final PropertyRows<BuiltinTableStatisticRecord> tableRows = new PropertyRows<>(BUILTIN_TABLE_STATISTIC,
            List.of(BUILTIN_TABLE_STATISTIC.TABLE_ID, BUILTIN_TABLE_STATISTIC.STATISTIC_KIND),
            BUILTIN_TABLE_STATISTIC.PROPERTY_KEY, BUILTIN_TABLE_STATISTIC.PROPERTY_VALUE);
    private final PropertyRows<BuiltinPartitionStatisticRecord> partitionRows = new PropertyRows<>(
            BUILTIN_PARTITION_STATISTIC,
            List.of(BUILTIN_PARTITION_STATISTIC.PARTITION_ID, BUILTIN_PARTITION_STATISTIC.STATISTIC_KIND),
            BUILTIN_PARTITION_STATISTIC.PROPERTY_KEY, BUILTIN_PARTITION_STATISTIC.PROPERTY_VALUE);

    BuiltinStatisticsRepository(BuiltinTransactions transactions) {
        this.transactions = requireNonNull(transactions, "transactions is null");
    }

    Map<String, String> readTable(String tableId, Kind kind) {
        return transactions.read("read statistics", database -> tableRows.read(database, List.of(tableId, kind.name())));
    }

    Map<String, String> readPartition(String partitionId, Kind kind) {
        return transactions.read("read statistics",
                database -> partitionRows.read(database, List.of(partitionId, kind.name())));
    }

    /** Replaces one set of a table's statistics; {@link ChangeOutcome#MISSING} when the table is gone. */
    ChangeOutcome replaceTable(String tableId, Kind kind, Map<String, String> statistics) {
        Condition owner = BUILTIN_TABLE.ID.eq(tableId);
        return transactions.write("store statistics", database -> {
            if (!database.fetchExists(BUILTIN_TABLE, owner)) {
                return ChangeOutcome.MISSING;
            }
            tableRows.replace(database, List.of(tableId, kind.name()), statistics);
            return ChangeOutcome.DONE;
        }, () -> gone(BUILTIN_TABLE, owner));
    }

    /** Replaces one set of a partition's statistics; {@link ChangeOutcome#MISSING} when the partition is gone. */
    ChangeOutcome replacePartition(String partitionId, Kind kind, Map<String, String> statistics) {
        Condition owner = BUILTIN_PARTITION.ID.eq(partitionId);
        return transactions.write("store statistics", database -> {
            if (!database.fetchExists(BUILTIN_PARTITION, owner)) {
                return ChangeOutcome.MISSING;
            }
            partitionRows.replace(database, List.of(partitionId, kind.name()), statistics);
            return ChangeOutcome.DONE;
        }, () -> gone(BUILTIN_PARTITION, owner));
    }

    /** After a broken constraint: the owner was dropped meanwhile, or the failure is to be reported. */
    private Optional<ChangeOutcome> gone(Table<?> table, Condition owner) {
        boolean exists = transactions.read("look up statistics owner", database -> database.fetchExists(table, owner));
        return exists ? Optional.empty() : Optional.of(ChangeOutcome.MISSING);
    }
}
