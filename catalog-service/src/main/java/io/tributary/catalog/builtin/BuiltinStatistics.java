package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.builtin.BuiltinStatisticsRepository.Kind;
import java.util.Map;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.PartitionNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotPartitionedException;
import org.apache.flink.table.catalog.exceptions.TablePartitionedException;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;

/**
 * The statistics half of Flink's catalog contract for one {@code tributary} catalog: what {@code ANALYZE TABLE}
 * (or any client of the catalog) stored for tables and partitions, and Flink's {@code UNKNOWN} statistics where
 * nothing is stored, which is what the planner expects of a table never analysed.
 */
final class BuiltinStatistics {

    private final String catalogName;
    private final BuiltinTableRepository tables;
    private final BuiltinPartitions partitions;
    private final BuiltinStatisticsRepository statistics;

    BuiltinStatistics(String catalogName, BuiltinTableRepository tables, BuiltinPartitions partitions,
            BuiltinStatisticsRepository statistics) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.partitions = requireNonNull(partitions, "partitions is null");
        this.statistics = requireNonNull(statistics, "statistics is null");
    }

    CatalogTableStatistics table(ObjectPath path) throws TableNotExistException {
        return StatisticsCodec.decodeTable(statistics.readTable(tableId(path), Kind.TABLE));
    }

    CatalogColumnStatistics columns(ObjectPath path) throws TableNotExistException {
        return StatisticsCodec.decodeColumns(statistics.readTable(tableId(path), Kind.COLUMN));
    }

    CatalogTableStatistics partition(ObjectPath path, CatalogPartitionSpec spec) throws PartitionNotExistException {
        return StatisticsCodec.decodeTable(statistics.readPartition(partitionId(path, spec), Kind.TABLE));
    }

    CatalogColumnStatistics partitionColumns(ObjectPath path, CatalogPartitionSpec spec)
            throws PartitionNotExistException {
        return StatisticsCodec.decodeColumns(statistics.readPartition(partitionId(path, spec), Kind.COLUMN));
    }

    void alterTable(ObjectPath path, CatalogTableStatistics table, boolean ignoreIfNotExists)
            throws TableNotExistException {
        storeForTable(path, Kind.TABLE, StatisticsCodec.encodeTable(table), ignoreIfNotExists);
    }

    /** Column statistics of a partitioned table belong to its partitions, as Flink's contract says. */
    void alterColumns(ObjectPath path, CatalogColumnStatistics columns, boolean ignoreIfNotExists)
            throws TableNotExistException, TablePartitionedException {
        try {
            partitions.partitionedTable(path);
            throw new TablePartitionedException(catalogName, path);
        } catch (TableNotExistException missing) {
            if (!ignoreIfNotExists) {
                throw missing;
            }
            return;
        } catch (TableNotPartitionedException expected) {
            // The only kind of table whose columns have statistics of their own.
        }
        storeForTable(path, Kind.COLUMN, StatisticsCodec.encodeColumns(columns), ignoreIfNotExists);
    }

    void alterPartition(ObjectPath path, CatalogPartitionSpec spec, CatalogTableStatistics partition,
            boolean ignoreIfNotExists) throws PartitionNotExistException {
        storeForPartition(path, spec, Kind.TABLE, StatisticsCodec.encodeTable(partition), ignoreIfNotExists);
    }

    void alterPartitionColumns(ObjectPath path, CatalogPartitionSpec spec, CatalogColumnStatistics columns,
            boolean ignoreIfNotExists) throws PartitionNotExistException {
        storeForPartition(path, spec, Kind.COLUMN, StatisticsCodec.encodeColumns(columns), ignoreIfNotExists);
    }

    private void storeForTable(ObjectPath path, Kind kind, Map<String, String> values, boolean ignoreIfNotExists)
            throws TableNotExistException {
        ChangeOutcome outcome = tables.findId(path)
                .map(tableId -> statistics.replaceTable(tableId, kind, values))
                .orElse(ChangeOutcome.MISSING);
        if (outcome == ChangeOutcome.MISSING && !ignoreIfNotExists) {
            throw new TableNotExistException(catalogName, path);
        }
    }

    private void storeForPartition(ObjectPath path, CatalogPartitionSpec spec, Kind kind, Map<String, String> values,
            boolean ignoreIfNotExists) throws PartitionNotExistException {
        ChangeOutcome outcome = partitions.find(path, spec)
                .map(partition -> statistics.replacePartition(partition.id(), kind, values))
                .orElse(ChangeOutcome.MISSING);
        if (outcome == ChangeOutcome.MISSING && !ignoreIfNotExists) {
            throw new PartitionNotExistException(catalogName, path, spec);
        }
    }

    private String tableId(ObjectPath path) throws TableNotExistException {
        return tables.findId(path).orElseThrow(() -> new TableNotExistException(catalogName, path));
    }

    private String partitionId(ObjectPath path, CatalogPartitionSpec spec) throws PartitionNotExistException {
        return partitions.find(path, spec).orElseThrow(() -> new PartitionNotExistException(catalogName, path, spec))
                .id();
    }
}
