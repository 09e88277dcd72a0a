package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.metadata.MetadataDatabaseKind;
import java.util.List;
import java.util.Map;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.CatalogBaseTable.TableKind;
import org.apache.flink.table.catalog.CatalogMaterializedTable;
import org.apache.flink.table.catalog.CatalogPropertiesUtil;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.CatalogView;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.ResolvedCatalogMaterializedTable;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedCatalogView;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tables, views and materialized tables in the metadata database: everything Flink's DDL can say round-trips
 * exactly (compared as Flink resolves it in a new session), and Flink's contract for existing and missing objects
 * holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TributaryCatalogTableIT {

    private static final ObjectPath ORDERS = new ObjectPath("default", "orders");

    private final SharedTestDatabases databases = new SharedTestDatabases();
    private final TableResolver resolver = new TableResolver();

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aTableWithEverythingRoundTripsExactly(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        ResolvedCatalogTable created = resolver.resolve(SampleTables.kafkaOrders());
        catalog.createTable(ORDERS, created, false);

        TributaryCatalog otherSession = Catalogs.open(databases.get(kind), catalog.getName());
        CatalogTable read = (CatalogTable) otherSession.getTable(ORDERS);
        ResolvedCatalogTable resolved = resolver.resolve(read);

        assertThat(resolved.getResolvedSchema()).isEqualTo(created.getResolvedSchema());
        assertThat(CatalogPropertiesUtil.serializeCatalogTable(resolved))
                .as("the same in Flink's portable form: expressions, types, keys, comments, options")
                .isEqualTo(CatalogPropertiesUtil.serializeCatalogTable(created));
        assertThat(resolved.getResolvedSchema().getColumn("doubled")).get()
                .satisfies(column -> assertThat(column).isInstanceOf(Column.ComputedColumn.class))
                .satisfies(column -> assertThat(((Column.ComputedColumn) column).getExpression()
                        .asSerializableString()).isEqualTo("`amount` * 2"));
        assertThat(resolved.getResolvedSchema().getColumn("kafka_offset")).get()
                .satisfies(column -> assertThat(column).isInstanceOf(Column.MetadataColumn.class))
                .satisfies(column -> assertThat(((Column.MetadataColumn) column).getMetadataKey()).contains("offset"))
                .satisfies(column -> assertThat(((Column.MetadataColumn) column).isVirtual()).isTrue());
        assertThat(resolved.getResolvedSchema().getPrimaryKey()).get()
                .satisfies(key -> assertThat(key.getName()).isEqualTo("orders_pk"))
                .satisfies(key -> assertThat(key.getColumns()).containsExactly("id", "dt"));
        assertThat(resolved.getResolvedSchema().getWatermarkSpecs()).singleElement()
                .satisfies(watermark -> assertThat(watermark.getRowtimeAttribute()).isEqualTo("ts"))
                .satisfies(watermark -> assertThat(watermark.getWatermarkExpression().asSerializableString())
                        .isEqualTo("`ts` - INTERVAL '5' SECOND"));
        assertThat(resolved.getResolvedSchema().getColumn("id")).get()
                .satisfies(column -> assertThat(column.getComment()).contains("the order's key"));
        assertThat(read.getTableKind()).isEqualTo(TableKind.TABLE);
        assertThat(read.getComment()).isEqualTo("Orders, as they come");
        assertThat(read.getPartitionKeys()).containsExactly("dt");
        assertThat(read.getOptions()).isEqualTo(created.getOptions());
        assertThat(read.getDistribution()).isEqualTo(created.getDistribution());
        assertThat(read.getSnapshot()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void viewsAndMaterializedTablesRoundTrip(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        catalog.createTable(ORDERS, resolver.resolve(SampleTables.kafkaOrders()), false);
        ResolvedCatalogView view = resolver.resolve(SampleTables.ordersView());
        ObjectPath viewPath = new ObjectPath("default", "totals");
        catalog.createTable(viewPath, view, false);
        ResolvedCatalogMaterializedTable materialized = resolver.resolve(SampleTables.dailyTotals());
        ObjectPath materializedPath = new ObjectPath("default", "daily_totals");
        catalog.createTable(materializedPath, materialized, false);

        CatalogView readView = (CatalogView) catalog.getTable(viewPath);
        assertThat(readView.getTableKind()).isEqualTo(TableKind.VIEW);
        assertThat(readView.getOriginalQuery()).isEqualTo(view.getOriginalQuery());
        assertThat(readView.getExpandedQuery()).isEqualTo(view.getExpandedQuery());
        assertThat(readView.getComment()).isEqualTo("Totals per customer");
        assertThat(readView.getOptions()).isEqualTo(Map.of("owner", "team-a"));
        assertThat(((ResolvedCatalogView) resolver.resolve(readView)).getResolvedSchema())
                .isEqualTo(view.getResolvedSchema());

        CatalogMaterializedTable readMaterialized = (CatalogMaterializedTable) catalog.getTable(materializedPath);
        assertThat(readMaterialized.getTableKind()).isEqualTo(TableKind.MATERIALIZED_TABLE);
        assertThat(readMaterialized.getDefinitionQuery()).isEqualTo(materialized.getDefinitionQuery());
        assertThat(readMaterialized.getDefinitionFreshness()).isEqualTo(materialized.getDefinitionFreshness());
        assertThat(readMaterialized.getRefreshMode()).isEqualTo(CatalogMaterializedTable.RefreshMode.CONTINUOUS);
        assertThat(readMaterialized.getPartitionKeys()).containsExactly("dt");
        assertThat(((ResolvedCatalogMaterializedTable) resolver.resolve(readMaterialized)).getResolvedSchema())
                .isEqualTo(materialized.getResolvedSchema());

        assertThat(catalog.listTables("default")).containsExactly("daily_totals", "orders", "totals");
        assertThat(catalog.listViews("default")).containsExactly("totals");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void followsFlinksContractForExistingAndMissingTables(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        ResolvedCatalogTable first = resolver.resolve(SampleTables.datagen());
        catalog.createTable(ORDERS, first, false);
        ResolvedCatalogTable second = resolver.resolve(SampleTables.kafkaOrders());

        assertThatThrownBy(() -> catalog.createTable(ORDERS, second, false))
                .isInstanceOf(TableAlreadyExistException.class);
        catalog.createTable(ORDERS, second, true);
        assertThat(catalog.getTable(ORDERS).getOptions()).as("ignoreIfExists changes nothing")
                .isEqualTo(first.getOptions());
        assertThatThrownBy(() -> catalog.createTable(new ObjectPath("missing", "t"), first, true))
                .isInstanceOf(DatabaseNotExistException.class);

        ObjectPath missing = new ObjectPath("default", "missing");
        assertThat(catalog.tableExists(missing)).isFalse();
        assertThat(catalog.tableExists(new ObjectPath("no_such_database", "orders"))).isFalse();
        assertThatThrownBy(() -> catalog.getTable(missing)).isInstanceOf(TableNotExistException.class);
        assertThatThrownBy(() -> catalog.dropTable(missing, false)).isInstanceOf(TableNotExistException.class);
        catalog.dropTable(missing, true);
        assertThatThrownBy(() -> catalog.alterTable(missing, first, false))
                .isInstanceOf(TableNotExistException.class);
        catalog.alterTable(missing, first, true);
        assertThatThrownBy(() -> catalog.renameTable(missing, "other", false))
                .isInstanceOf(TableNotExistException.class);
        catalog.renameTable(missing, "other", true);
        assertThat(catalog.listTables("default")).containsExactly("orders");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void renamesAltersAndDrops(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        catalog.createTable(ORDERS, resolver.resolve(SampleTables.kafkaOrders()), false);
        catalog.createTable(new ObjectPath("default", "taken"), resolver.resolve(SampleTables.datagen()), false);

        assertThatThrownBy(() -> catalog.renameTable(ORDERS, "taken", false))
                .isInstanceOf(TableAlreadyExistException.class);
        assertThatThrownBy(() -> catalog.renameTable(ORDERS, "taken", true))
                .as("ignoreIfNotExists does not cover a taken name")
                .isInstanceOf(TableAlreadyExistException.class);
        catalog.renameTable(ORDERS, "orders_v2", false);
        ObjectPath renamed = new ObjectPath("default", "orders_v2");
        assertThat(catalog.tableExists(ORDERS)).isFalse();
        assertThat(catalog.getTable(renamed).getComment()).isEqualTo("Orders, as they come");

        CatalogTable altered = CatalogTable.newBuilder()
                .schema(Schema.newBuilder().fromSchema(catalog.getTable(renamed).getUnresolvedSchema())
                        .build())
                .comment("Orders, altered")
                .partitionKeys(List.of("dt"))
                .options(Map.of("connector", "kafka", "topic", "orders-v2"))
                .build();
        catalog.alterTable(renamed, resolver.resolve(altered), false);
        CatalogTable read = (CatalogTable) catalog.getTable(renamed);
        assertThat(read.getComment()).isEqualTo("Orders, altered");
        assertThat(read.getOptions()).isEqualTo(Map.of("connector", "kafka", "topic", "orders-v2"));
        assertThat(read.getDistribution()).as("no distribution any more").isEmpty();

        assertThatThrownBy(() -> catalog.alterTable(renamed, resolver.resolve(SampleTables.ordersView()), false))
                .isInstanceOf(CatalogException.class)
                .hasMessage(BuiltinCatalogMessages.kindMismatch(renamed, "TABLE", "VIEW"));

        catalog.dropTable(renamed, false);
        assertThat(catalog.tableExists(renamed)).isFalse();
        assertThat(catalog.listTables("default")).containsExactly("taken");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void refusesWhatItCannotStoreFaithfully(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        assertThatThrownBy(() -> catalog.createTable(ORDERS, SampleTables.datagen(), false))
                .isInstanceOf(CatalogException.class)
                .hasMessageStartingWith("The tributary catalog stores resolved tables and views only");
        String longName = "t".repeat(BuiltinNames.MAXIMUM_OBJECT_NAME + 1);
        ResolvedCatalogBaseTable<?> table = resolver.resolve(SampleTables.datagen());
        assertThatThrownBy(() -> catalog.createTable(new ObjectPath("default", longName), table, false))
                .isInstanceOf(CatalogException.class)
                .hasMessage(BuiltinCatalogMessages.nameTooLong("object", longName, BuiltinNames.MAXIMUM_OBJECT_NAME));
        assertThat(catalog.listTables("default")).isEmpty();
    }
}
