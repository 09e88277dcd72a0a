package io.tributary.catalog.builtin;

import static io.tributary.metadata.schema.Tables.BUILTIN_DATABASE;
import static io.tributary.metadata.schema.Tables.BUILTIN_DATABASE_PROPERTY;
import static io.tributary.metadata.schema.Tables.BUILTIN_PARTITION;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE;
import static io.tributary.metadata.schema.Tables.BUILTIN_TABLE_PROPERTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.CatalogPartitionImpl;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A change that fails half-way leaves nothing half-written: each change is one transaction. The failures are
 * provoked after the first rows of the change were written: a NOT NULL constraint of the metadata database, or a
 * property key longer than the database keeps.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TributaryCatalogAtomicityIT {

    private static final ObjectPath TABLE = new ObjectPath("default", "t");

    private final SharedTestDatabases databases = new SharedTestDatabases();
    private final TableResolver resolver = new TableResolver();

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aCreateTableThatFailsHalfWayLeavesNoTableRow(MetadataDatabaseKind kind) throws Exception {
        TestDatabase database = databases.get(kind);
        TributaryCatalog catalog = Catalogs.openNew(database);
        // The table's row is written first; then its properties, one of which has a key too long to keep.
        String tooLong = "k".repeat(PropertyRows.MAXIMUM_KEY_LENGTH + 1);
        ResolvedCatalogTable table = resolver.resolve(CatalogTable.of(SampleTables.datagen().getUnresolvedSchema(),
                "broken", List.of(), Map.of("connector", "datagen", tooLong, "x")));

        assertThatThrownBy(() -> catalog.createTable(TABLE, table, false))
                .isInstanceOf(CatalogException.class)
                .hasMessage(BuiltinCatalogMessages.propertyKeyTooLong(tooLong, PropertyRows.MAXIMUM_KEY_LENGTH));

        assertThat(catalog.tableExists(TABLE)).isFalse();
        DSLContext dsl = database.dsl();
        assertThat(dsl.fetchCount(BUILTIN_TABLE, BUILTIN_TABLE.CATALOG_NAME.eq(catalog.getName()))).isZero();
        assertThat(dsl.fetchCount(BUILTIN_TABLE_PROPERTY, BUILTIN_TABLE_PROPERTY.TABLE_ID.notIn(
                dsl.select(BUILTIN_TABLE.ID).from(BUILTIN_TABLE)))).isZero();
        catalog.createTable(TABLE, resolver.resolve(SampleTables.datagen()), false);
        assertThat(catalog.getTable(TABLE).getOptions()).containsEntry("number-of-rows", "5");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void anAlterTableThatFailsHalfWayKeepsTheFormerDefinition(MetadataDatabaseKind kind) throws Exception {
        TestDatabase database = databases.get(kind);
        TributaryCatalog catalog = Catalogs.openNew(database);
        ResolvedCatalogTable original = resolver.resolve(SampleTables.kafkaOrders());
        catalog.createTable(TABLE, original, false);
        long updatedAt = database.dsl().select(BUILTIN_TABLE.UPDATED_AT).from(BUILTIN_TABLE)
                .where(BUILTIN_TABLE.CATALOG_NAME.eq(catalog.getName())).fetchSingle(BUILTIN_TABLE.UPDATED_AT);

        // The row is updated and the former properties deleted before the new ones are refused.
        String tooLong = "k".repeat(PropertyRows.MAXIMUM_KEY_LENGTH + 1);
        ResolvedCatalogTable altered = resolver.resolve(CatalogTable.of(SampleTables.datagen().getUnresolvedSchema(),
                "altered", List.of(), Map.of("connector", "datagen", tooLong, "x")));
        assertThatThrownBy(() -> catalog.alterTable(TABLE, altered, false))
                .isInstanceOf(CatalogException.class)
                .hasMessage(BuiltinCatalogMessages.propertyKeyTooLong(tooLong, PropertyRows.MAXIMUM_KEY_LENGTH));

        CatalogTable read = (CatalogTable) catalog.getTable(TABLE);
        assertThat(read.getComment()).isEqualTo("Orders, as they come");
        assertThat(read.getOptions()).isEqualTo(original.getOptions());
        assertThat(read.getDistribution()).isEqualTo(original.getDistribution());
        assertThat(((ResolvedCatalogTable) resolver.resolve(read)).getResolvedSchema())
                .isEqualTo(original.getResolvedSchema());
        assertThat(database.dsl().select(BUILTIN_TABLE.UPDATED_AT).from(BUILTIN_TABLE)
                .where(BUILTIN_TABLE.CATALOG_NAME.eq(catalog.getName())).fetchSingle(BUILTIN_TABLE.UPDATED_AT))
                .isEqualTo(updatedAt);
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aCreateDatabaseWhosePropertiesTheDatabaseRejectsLeavesNoDatabase(MetadataDatabaseKind kind) {
        TestDatabase database = databases.get(kind);
        TributaryCatalog catalog = Catalogs.openNew(database);
        Map<String, String> properties = new HashMap<>(Map.of("owner", "team-a"));
        properties.put("broken", null);

        assertThatThrownBy(() -> catalog.createDatabase("db", new CatalogDatabaseImpl(properties, "x"), false))
                .isInstanceOf(CatalogException.class);

        assertThat(catalog.databaseExists("db")).isFalse();
        assertThat(database.dsl().fetchCount(BUILTIN_DATABASE, BUILTIN_DATABASE.CATALOG_NAME.eq(catalog.getName())
                .and(BUILTIN_DATABASE.DATABASE_NAME.eq("db")))).isZero();
        assertThat(database.dsl().fetchCount(BUILTIN_DATABASE_PROPERTY, BUILTIN_DATABASE_PROPERTY.CATALOG_NAME
                .eq(catalog.getName()))).isZero();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aCreatePartitionThatTheDatabaseRejectsHalfWayLeavesNoPartition(MetadataDatabaseKind kind) throws Exception {
        TestDatabase database = databases.get(kind);
        TributaryCatalog catalog = Catalogs.openNew(database);
        catalog.createTable(TABLE, resolver.resolve(SampleTables.kafkaOrders()), false);
        CatalogPartitionSpec spec = new CatalogPartitionSpec(Map.of("dt", "2026-11-24"));
        // The partition's row is written first; then its properties, of which the database refuses a null value.
        Map<String, String> properties = new HashMap<>(Map.of("path", "/data"));
        properties.put("broken", null);

        assertThatThrownBy(() -> catalog.createPartition(TABLE, spec, new CatalogPartitionImpl(properties, null),
                false))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("The metadata database could not create partition ");

        assertThat(catalog.partitionExists(TABLE, spec)).isFalse();
        assertThat(catalog.listPartitions(TABLE)).isEmpty();
        assertThat(database.dsl().fetchCount(BUILTIN_PARTITION, BUILTIN_PARTITION.TABLE_ID.in(database.dsl()
                .select(BUILTIN_TABLE.ID).from(BUILTIN_TABLE).where(BUILTIN_TABLE.CATALOG_NAME.eq(catalog.getName())))))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void sessionsCreatingTheSameTableAtOnceGetOneTableAndFlinksException(MetadataDatabaseKind kind)
            throws Exception {
        TestDatabase database = databases.get(kind);
        String name = Catalogs.openNew(database).getName();
        ResolvedCatalogTable table = resolver.resolve(SampleTables.kafkaOrders());
        ExecutorService sessions = Executors.newFixedThreadPool(4);
        List<Callable<Boolean>> creates = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            creates.add(() -> {
                Catalogs.open(database, name).createTable(TABLE, table, false);
                return true;
            });
        }
        int created = 0;
        int refused = 0;
        try {
            for (Future<Boolean> outcome : sessions.invokeAll(creates)) {
                try {
                    outcome.get();
                    created++;
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(TableAlreadyExistException.class);
                    refused++;
                }
            }
        } finally {
            sessions.shutdown();
        }
        assertThat(created).isEqualTo(1);
        assertThat(refused).isEqualTo(7);
        assertThat(database.dsl().fetchCount(BUILTIN_TABLE, BUILTIN_TABLE.CATALOG_NAME.eq(name))).isEqualTo(1);
    }
}
