package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.table.catalog.CatalogDatabase;
import org.apache.flink.table.catalog.CatalogDatabaseImpl;
import org.apache.flink.table.catalog.CatalogFunctionImpl;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.DatabaseAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotEmptyException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The database half of Flink's catalog contract, kept in the metadata database, on H2 and on MariaDB. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TributaryCatalogDatabaseIT {

    private final SharedTestDatabases databases = new SharedTestDatabases();
    private final TableResolver resolver = new TableResolver();

    @AfterAll
    void dropDatabases() {
        databases.close();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void openingCreatesTheDefaultDatabaseOnceEvenWhenSessionsOpenTheCatalogTogether(MetadataDatabaseKind kind)
            throws Exception {
        TestDatabase database = databases.get(kind);
        String name = Catalogs.uniqueName();
        ExecutorService sessions = Executors.newFixedThreadPool(4);
        try {
            List<Callable<TributaryCatalog>> opens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                opens.add(() -> Catalogs.open(database, name));
            }
            for (Future<TributaryCatalog> opened : sessions.invokeAll(opens)) {
                assertThat(opened.get().getDefaultDatabase()).isEqualTo("default");
            }
        } finally {
            sessions.shutdown();
        }
        TributaryCatalog catalog = Catalogs.open(database, name);
        assertThat(catalog.listDatabases()).containsExactly("default");
        assertThat(catalog.getDatabase("default").getProperties()).isEmpty();
        assertThat(catalog.getDatabase("default").getComment()).isNull();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void storesDatabasesWithCommentAndProperties(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        catalog.createDatabase("sales", new CatalogDatabaseImpl(Map.of("owner", "team-a", "tier", "1"),
                "Everything sold"), false);

        TributaryCatalog otherSession = Catalogs.open(databases.get(kind), catalog.getName());
        assertThat(otherSession.listDatabases()).containsExactly("default", "sales");
        assertThat(otherSession.databaseExists("sales")).isTrue();
        CatalogDatabase sales = otherSession.getDatabase("sales");
        assertThat(sales.getComment()).isEqualTo("Everything sold");
        assertThat(sales.getProperties()).isEqualTo(Map.of("owner", "team-a", "tier", "1"));

        otherSession.alterDatabase("sales", new CatalogDatabaseImpl(Map.of("owner", "team-b"), "Sold"), false);
        assertThat(catalog.getDatabase("sales").getProperties()).isEqualTo(Map.of("owner", "team-b"));
        assertThat(catalog.getDatabase("sales").getComment()).isEqualTo("Sold");

        catalog.dropDatabase("sales", false, false);
        assertThat(otherSession.databaseExists("sales")).isFalse();
        assertThat(otherSession.listDatabases()).containsExactly("default");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void followsFlinksContractForMissingAndExistingDatabases(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        catalog.createDatabase("db", new CatalogDatabaseImpl(Map.of("a", "1"), "first"), false);

        assertThatThrownBy(() -> catalog.createDatabase("db", new CatalogDatabaseImpl(Map.of(), "second"), false))
                .isInstanceOf(DatabaseAlreadyExistException.class)
                .hasMessage("Database db already exists in Catalog " + catalog.getName() + ".");
        catalog.createDatabase("db", new CatalogDatabaseImpl(Map.of(), "second"), true);
        assertThat(catalog.getDatabase("db").getComment()).as("ignoreIfExists changes nothing").isEqualTo("first");

        assertThatThrownBy(() -> catalog.getDatabase("missing")).isInstanceOf(DatabaseNotExistException.class);
        assertThatThrownBy(() -> catalog.dropDatabase("missing", false, false))
                .isInstanceOf(DatabaseNotExistException.class);
        catalog.dropDatabase("missing", true, false);
        assertThatThrownBy(() -> catalog.alterDatabase("missing", new CatalogDatabaseImpl(Map.of(), null), false))
                .isInstanceOf(DatabaseNotExistException.class);
        catalog.alterDatabase("missing", new CatalogDatabaseImpl(Map.of(), null), true);
        assertThat(catalog.databaseExists("missing")).isFalse();
        assertThatThrownBy(() -> catalog.listTables("missing")).isInstanceOf(DatabaseNotExistException.class);
        assertThatThrownBy(() -> catalog.listViews("missing")).isInstanceOf(DatabaseNotExistException.class);
        assertThatThrownBy(() -> catalog.listFunctions("missing")).isInstanceOf(DatabaseNotExistException.class);
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void dropsANonEmptyDatabaseOnlyWithCascade(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = Catalogs.openNew(databases.get(kind));
        catalog.createDatabase("with_table", new CatalogDatabaseImpl(Map.of(), null), false);
        catalog.createTable(new ObjectPath("with_table", "t"), resolver.resolve(SampleTables.datagen()), false);
        catalog.createDatabase("with_function", new CatalogDatabaseImpl(Map.of(), null), false);
        catalog.createFunction(new ObjectPath("with_function", "f"), new CatalogFunctionImpl(
                ShoutFunction.class.getName()), false);

        assertThatThrownBy(() -> catalog.dropDatabase("with_table", false, false))
                .isInstanceOf(DatabaseNotEmptyException.class);
        assertThatThrownBy(() -> catalog.dropDatabase("with_function", true, false))
                .isInstanceOf(DatabaseNotEmptyException.class);
        assertThat(catalog.tableExists(new ObjectPath("with_table", "t"))).isTrue();

        catalog.dropDatabase("with_table", false, true);
        catalog.dropDatabase("with_function", false, true);
        assertThat(catalog.listDatabases()).containsExactly("default");
        assertThat(catalog.tableExists(new ObjectPath("with_table", "t"))).isFalse();
        assertThat(catalog.functionExists(new ObjectPath("with_function", "f"))).isFalse();

        catalog.createDatabase("with_table", new CatalogDatabaseImpl(Map.of(), null), false);
        assertThat(catalog.listTables("with_table")).as("nothing left behind by the cascade").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void catalogsOfDifferentNamesAreSeparateNamespaces(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog first = Catalogs.openNew(databases.get(kind));
        TributaryCatalog second = Catalogs.openNew(databases.get(kind));
        first.createDatabase("shared_name", new CatalogDatabaseImpl(Map.of(), "first's"), false);
        first.createTable(new ObjectPath("default", "t"), resolver.resolve(SampleTables.datagen()), false);

        assertThat(second.databaseExists("shared_name")).isFalse();
        assertThat(second.listTables("default")).isEmpty();
        second.createDatabase("shared_name", new CatalogDatabaseImpl(Map.of(), "second's"), false);
        assertThat(first.getDatabase("shared_name").getComment()).isEqualTo("first's");
        assertThat(second.getDatabase("shared_name").getComment()).isEqualTo("second's");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void opensWithAnotherDefaultDatabase(MetadataDatabaseKind kind) throws Exception {
        TributaryCatalog catalog = new TributaryCatalog(Catalogs.uniqueName(), "landing", databases.get(kind).dsl(),
                Clock.systemUTC());
        catalog.open();
        assertThat(catalog.getDefaultDatabase()).isEqualTo("landing");
        assertThat(catalog.listDatabases()).containsExactly("landing");
    }
}
