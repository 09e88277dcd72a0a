package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.metadata.MetadataDatabaseKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.catalog.CatalogPartitionImpl;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.PartitionAlreadyExistsException;
import org.apache.flink.table.catalog.exceptions.PartitionNotExistException;
import org.apache.flink.table.catalog.exceptions.PartitionSpecInvalidException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotPartitionedException;
import org.apache.flink.table.catalog.exceptions.TablePartitionedException;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataBase;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataLong;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataString;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Partitions and statistics in the metadata database, under Flink's contract. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TributaryCatalogPartitionIT {

    private static final ObjectPath ORDERS = new ObjectPath("default", "orders");
    private static final ObjectPath PLAIN = new ObjectPath("default", "plain");

    private final SharedTestDatabases databases = new SharedTestDatabases();
    private final TableResolver resolver = new TableResolver();

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    private TributaryCatalog catalogWithTables(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        catalog.createTable(ORDERS, resolver.resolve(SampleTables.kafkaOrders()), false);
        catalog.createTable(PLAIN, resolver.resolve(SampleTables.datagen()), false);
        return catalog;
    }

    private static CatalogPartitionSpec day(String day) {
        return new CatalogPartitionSpec(Map.of("dt", day));
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void storesPartitionsOfPartitionedTables(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = catalogWithTables(kind);
        CatalogPartitionSpec awkward = day("2026/11/24 = a 100% day");
        catalog.createPartition(ORDERS, day("2026-11-24"),
                new CatalogPartitionImpl(Map.of("path", "/data/dt=2026-11-24"), "first day"), false);
        catalog.createPartition(ORDERS, day("2026-11-25"), new CatalogPartitionImpl(Map.of(), null), false);
        catalog.createPartition(ORDERS, awkward, new CatalogPartitionImpl(Map.of(), "odd"), false);

        assertThat(catalog.listPartitions(ORDERS)).containsExactlyInAnyOrder(day("2026-11-24"), day("2026-11-25"),
                awkward);
        assertThat(catalog.listPartitions(ORDERS, day("2026-11-25"))).containsExactly(day("2026-11-25"));
        assertThat(catalog.listPartitions(ORDERS, new CatalogPartitionSpec(Map.of()))).hasSize(3);
        assertThat(catalog.partitionExists(ORDERS, awkward)).isTrue();
        assertThat(catalog.getPartition(ORDERS, day("2026-11-24")).getComment()).isEqualTo("first day");
        assertThat(catalog.getPartition(ORDERS, day("2026-11-24")).getProperties())
                .isEqualTo(Map.of("path", "/data/dt=2026-11-24"));

        catalog.alterPartition(ORDERS, day("2026-11-24"), new CatalogPartitionImpl(Map.of("a", "b"), "altered"),
                false);
        assertThat(catalog.getPartition(ORDERS, day("2026-11-24")).getComment()).isEqualTo("altered");
        assertThat(catalog.getPartition(ORDERS, day("2026-11-24")).getProperties()).isEqualTo(Map.of("a", "b"));

        catalog.renameTable(ORDERS, "orders_renamed", false);
        ObjectPath renamed = new ObjectPath("default", "orders_renamed");
        assertThat(catalog.listPartitions(renamed)).as("partitions follow a rename").hasSize(3);

        catalog.dropPartition(renamed, awkward, false);
        assertThat(catalog.partitionExists(renamed, awkward)).isFalse();
        catalog.dropTable(renamed, false);
        catalog.createTable(renamed, resolver.resolve(SampleTables.kafkaOrders()), false);
        assertThat(catalog.listPartitions(renamed)).as("a dropped table takes its partitions along").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void followsFlinksContractForPartitions(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = catalogWithTables(kind);
        CatalogPartitionImpl partition = new CatalogPartitionImpl(Map.of(), null);
        catalog.createPartition(ORDERS, day("d1"), new CatalogPartitionImpl(Map.of(), "kept"), false);

        assertThatThrownBy(() -> catalog.createPartition(ORDERS, day("d1"), partition, false))
                .isInstanceOf(PartitionAlreadyExistsException.class);
        catalog.createPartition(ORDERS, day("d1"), partition, true);
        assertThat(catalog.getPartition(ORDERS, day("d1")).getComment()).isEqualTo("kept");
        assertThatThrownBy(() -> catalog.createPartition(ORDERS, new CatalogPartitionSpec(Map.of("x", "1")),
                partition, false)).isInstanceOf(PartitionSpecInvalidException.class);
        assertThatThrownBy(() -> catalog.listPartitions(ORDERS, new CatalogPartitionSpec(Map.of("x", "1"))))
                .isInstanceOf(PartitionSpecInvalidException.class);
        assertThatThrownBy(() -> catalog.createPartition(PLAIN, day("d1"), partition, false))
                .isInstanceOf(TableNotPartitionedException.class);
        assertThatThrownBy(() -> catalog.listPartitions(PLAIN)).isInstanceOf(TableNotPartitionedException.class);
        ObjectPath missing = new ObjectPath("default", "missing");
        assertThatThrownBy(() -> catalog.createPartition(missing, day("d1"), partition, false))
                .isInstanceOf(TableNotExistException.class);
        assertThatThrownBy(() -> catalog.listPartitions(missing)).isInstanceOf(TableNotExistException.class);

        assertThatThrownBy(() -> catalog.getPartition(ORDERS, day("d2"))).isInstanceOf(PartitionNotExistException.class);
        assertThatThrownBy(() -> catalog.dropPartition(ORDERS, day("d2"), false))
                .isInstanceOf(PartitionNotExistException.class);
        catalog.dropPartition(ORDERS, day("d2"), true);
        assertThatThrownBy(() -> catalog.alterPartition(ORDERS, day("d2"), partition, false))
                .isInstanceOf(PartitionNotExistException.class);
        catalog.alterPartition(missing, day("d2"), partition, true);
        assertThat(catalog.partitionExists(missing, day("d1"))).isFalse();
        assertThatThrownBy(() -> catalog.listPartitionsByFilter(ORDERS, List.of()))
                .as("Flink's planner then lists the partitions and prunes them itself")
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void storesStatisticsOfTablesAndPartitions(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = catalogWithTables(kind);
        assertThat(catalog.getTableStatistics(PLAIN)).isEqualTo(CatalogTableStatistics.UNKNOWN);
        assertThat(catalog.getTableColumnStatistics(PLAIN)).isEqualTo(CatalogColumnStatistics.UNKNOWN);

        CatalogTableStatistics table = new CatalogTableStatistics(1_000, 3, 64_000, 128_000, Map.of("analysed", "yes"));
        Map<String, CatalogColumnStatisticsDataBase> data = new LinkedHashMap<>();
        data.put("id", new CatalogColumnStatisticsDataLong(1L, 1_000L, 1_000L, 0L));
        data.put("name", new CatalogColumnStatisticsDataString(42L, 7.5, 300L, 12L, Map.of("sampled", "true")));
        CatalogColumnStatistics columns = new CatalogColumnStatistics(data, Map.of("by", "ANALYZE TABLE"));
        catalog.alterTableStatistics(PLAIN, table, false);
        catalog.alterTableColumnStatistics(PLAIN, columns, false);

        TributaryCatalog otherSession = Catalogs.open(databases.get(kind), catalog.getName());
        assertThat(otherSession.getTableStatistics(PLAIN)).isEqualTo(table);
        assertThat(otherSession.getTableColumnStatistics(PLAIN)).isEqualTo(columns);
        assertThat(otherSession.getTableColumnStatistics(PLAIN).getColumnStatisticsData().get("name").getProperties())
                .isEqualTo(Map.of("sampled", "true"));

        assertThatThrownBy(() -> catalog.alterTableColumnStatistics(ORDERS, columns, false))
                .isInstanceOf(TablePartitionedException.class);
        catalog.createPartition(ORDERS, day("d1"), new CatalogPartitionImpl(Map.of(), null), false);
        assertThat(catalog.getPartitionStatistics(ORDERS, day("d1"))).isEqualTo(CatalogTableStatistics.UNKNOWN);
        catalog.alterPartitionStatistics(ORDERS, day("d1"), table, false);
        catalog.alterPartitionColumnStatistics(ORDERS, day("d1"), columns, false);
        assertThat(otherSession.getPartitionStatistics(ORDERS, day("d1"))).isEqualTo(table);
        assertThat(otherSession.getPartitionColumnStatistics(ORDERS, day("d1"))).isEqualTo(columns);
        assertThat(otherSession.bulkGetPartitionStatistics(ORDERS, List.of(day("d1")))).containsExactly(table);

        ObjectPath missing = new ObjectPath("default", "missing");
        assertThatThrownBy(() -> catalog.getTableStatistics(missing)).isInstanceOf(TableNotExistException.class);
        assertThatThrownBy(() -> catalog.alterTableStatistics(missing, table, false))
                .isInstanceOf(TableNotExistException.class);
        catalog.alterTableStatistics(missing, table, true);
        assertThatThrownBy(() -> catalog.getPartitionStatistics(ORDERS, day("d2")))
                .isInstanceOf(PartitionNotExistException.class);
        assertThatThrownBy(() -> catalog.alterPartitionStatistics(ORDERS, day("d2"), table, false))
                .isInstanceOf(PartitionNotExistException.class);
        catalog.alterPartitionColumnStatistics(ORDERS, day("d2"), columns, true);

        CatalogTableStatistics replaced = new CatalogTableStatistics(5, 1, 10, 20);
        catalog.alterTableStatistics(PLAIN, replaced, false);
        assertThat(otherSession.getTableStatistics(PLAIN)).isEqualTo(replaced);
        catalog.dropPartition(ORDERS, day("d1"), false);
        catalog.createPartition(ORDERS, day("d1"), new CatalogPartitionImpl(Map.of(), null), false);
        assertThat(catalog.getPartitionStatistics(ORDERS, day("d1"))).as("dropped with its partition")
                .isEqualTo(CatalogTableStatistics.UNKNOWN);
    }
}
