package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogMaterializedTable;
import org.apache.flink.table.catalog.CatalogPartition;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.PartitionAlreadyExistsException;
import org.apache.flink.table.catalog.exceptions.PartitionNotExistException;
import org.apache.flink.table.catalog.exceptions.PartitionSpecInvalidException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotPartitionedException;

/**
 * The partition half of Flink's catalog contract for one {@code tributary} catalog: the partitions of its
 * partitioned tables, as {@code ALTER TABLE ... ADD PARTITION} or a connector that commits partitions to the
 * catalog creates them. Connectors that find their partitions themselves (the filesystem connector lists its
 * directories) need none stored here.
 */
final class BuiltinPartitions {

    private final String catalogName;
    private final BuiltinTableRepository tables;
    private final BuiltinPartitionRepository partitions;

    BuiltinPartitions(String catalogName, BuiltinTableRepository tables, BuiltinPartitionRepository partitions) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.tables = requireNonNull(tables, "tables is null");
        this.partitions = requireNonNull(partitions, "partitions is null");
    }

    List<CatalogPartitionSpec> list(ObjectPath path) throws TableNotExistException, TableNotPartitionedException {
        return partitions.list(partitionedTable(path).id());
    }

    /** The partitions whose specs contain the given (partial) spec. */
    List<CatalogPartitionSpec> list(ObjectPath path, CatalogPartitionSpec spec)
            throws TableNotExistException, TableNotPartitionedException, PartitionSpecInvalidException {
        PartitionedTable table = partitionedTable(path);
        if (!table.keys().containsAll(spec.getPartitionSpec().keySet())) {
            throw new PartitionSpecInvalidException(catalogName, table.keys(), path, spec);
        }
        return partitions.list(table.id()).stream()
                .filter(candidate -> candidate.getPartitionSpec().entrySet()
                        .containsAll(spec.getPartitionSpec().entrySet()))
                .toList();
    }

    CatalogPartition get(ObjectPath path, CatalogPartitionSpec spec) throws PartitionNotExistException {
        return find(path, spec).orElseThrow(() -> new PartitionNotExistException(catalogName, path, spec))
                .partition();
    }

    boolean exists(ObjectPath path, CatalogPartitionSpec spec) {
        return find(path, spec).isPresent();
    }

    /** The stored partition, empty when it or its table is not there. */
    Optional<StoredPartition> find(ObjectPath path, CatalogPartitionSpec spec) {
        return tables.findId(path).flatMap(tableId -> partitions.find(tableId, spec));
    }

    void create(ObjectPath path, CatalogPartitionSpec spec, CatalogPartition partition, boolean ignoreIfExists)
            throws TableNotExistException, TableNotPartitionedException, PartitionSpecInvalidException,
            PartitionAlreadyExistsException {
        requireNonNull(partition, "partition is null");
        PartitionedTable table = partitionedTable(path);
        Map<String, String> values = spec.getPartitionSpec();
        if (values.size() != table.keys().size() || !values.keySet().containsAll(table.keys())) {
            throw new PartitionSpecInvalidException(catalogName, table.keys(), path, spec);
        }
        switch (partitions.create(table.id(), spec, partition)) {
            case DONE -> { }
            case EXISTS -> {
                if (!ignoreIfExists) {
                    throw new PartitionAlreadyExistsException(catalogName, path, spec);
                }
            }
            case PARENT_MISSING -> throw new TableNotExistException(catalogName, path);
            default -> throw new IllegalStateException("unexpected outcome of creating a partition");
        }
    }

    void alter(ObjectPath path, CatalogPartitionSpec spec, CatalogPartition partition, boolean ignoreIfNotExists)
            throws PartitionNotExistException {
        requireNonNull(partition, "partition is null");
        Optional<String> tableId = tables.findId(path);
        if ((tableId.isEmpty() || partitions.replace(tableId.get(), spec, partition) == ChangeOutcome.MISSING)
                && !ignoreIfNotExists) {
            throw new PartitionNotExistException(catalogName, path, spec);
        }
    }

    void drop(ObjectPath path, CatalogPartitionSpec spec, boolean ignoreIfNotExists)
            throws PartitionNotExistException {
        Optional<String> tableId = tables.findId(path);
        if ((tableId.isEmpty() || partitions.drop(tableId.get(), spec) == ChangeOutcome.MISSING)
                && !ignoreIfNotExists) {
            throw new PartitionNotExistException(catalogName, path, spec);
        }
    }

    /** The table's id and partition keys, or Flink's exception for a missing or unpartitioned table. */
    PartitionedTable partitionedTable(ObjectPath path) throws TableNotExistException, TableNotPartitionedException {
        StoredTable stored = tables.find(path).orElseThrow(() -> new TableNotExistException(catalogName, path));
        List<String> keys = partitionKeys(TableDefinitionCodec.decode(stored.definition()));
        if (keys.isEmpty()) {
            throw new TableNotPartitionedException(catalogName, path);
        }
        return new PartitionedTable(stored.id(), keys);
    }

    private static List<String> partitionKeys(CatalogBaseTable table) {
        if (table instanceof CatalogTable catalogTable) {
            return catalogTable.getPartitionKeys();
        }
        if (table instanceof CatalogMaterializedTable materializedTable) {
            return materializedTable.getPartitionKeys();
        }
        return List.of();
    }

    /** A partitioned table: its id and its partition keys. */
    record PartitionedTable(String id, List<String> keys) {

        PartitionedTable {
            requireNonNull(id, "id is null");
            keys = List.copyOf(keys);
        }
    }
}
