package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.testing.DatabaseServer;
import io.tributary.server.testing.FlinkJdbcSession;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.ScratchDatabase;
import io.tributary.server.testing.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Iceberg (hadoop and JDBC catalogs) and Flink's JDBC catalogs (PostgreSQL, and MariaDB through mysql-connector-j)
 * through a real Tributary server and Flink's own JDBC driver, queries across them, and what a user is told when a
 * catalog's options are wrong. PostgreSQL at 127.0.0.1:5432 and MariaDB at 127.0.0.1:3306, as .ci/run starts them.
 */
class IcebergAndJdbcCatalogsIT {

    private static TestServer server;
    private static ScratchDatabase postgres;
    private static ScratchDatabase icebergCatalogDatabase;
    private static ScratchDatabase mariaDb;
    @TempDir
    static Path warehouses;

    @BeforeAll
    static void start() throws Exception {
        postgres = ScratchDatabase.create(DatabaseServer.POSTGRESQL);
        postgres.execute(
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL)",
                "INSERT INTO customers VALUES (1, 'ada'), (2, 'grace'), (3, 'edsger')",
                "CREATE TABLE payments (customer_id INTEGER, amount NUMERIC(10, 2))");
        icebergCatalogDatabase = ScratchDatabase.create(DatabaseServer.POSTGRESQL);
        mariaDb = ScratchDatabase.create(DatabaseServer.MARIADB);
        mariaDb.execute(
                "CREATE TABLE products (id INT PRIMARY KEY, title VARCHAR(50) NOT NULL)",
                "INSERT INTO products VALUES (10, 'keyboard'), (20, 'monitor'), (30, 'cable')",
                "CREATE TABLE stock (product_id INT, quantity INT)");
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable resource : new AutoCloseable[] {server, postgres, icebergCatalogDatabase, mariaDb}) {
            try {
                if (resource != null) {
                    resource.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterEach
    void dropTheCatalogsThisTestCreated() {
        // Catalogs live in the shared catalog store: each test starts with none but the default one.
        server.dropCatalogs();
    }

    @Test
    void icebergHadoopCatalogCreatesInsertsAndSelects() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute(icebergHadoopCatalogDdl("lake", "hadoop-basic"));
            session.execute("CREATE DATABASE lake.events");
            session.execute("CREATE TABLE lake.events.clicks (id BIGINT, page STRING)");
            session.execute("INSERT INTO lake.events.clicks VALUES (1, '/home'), (2, '/docs'), (3, '/home')");

            assertThat(session.query("SELECT id, page FROM lake.events.clicks ORDER BY id"))
                    .containsExactly(List.of(1L, "/home"), List.of(2L, "/docs"), List.of(3L, "/home"));
        }
        assertThat(warehouses.resolve("hadoop-basic/events/clicks/metadata")).isDirectory();
    }

    @Test
    void icebergJdbcCatalogOnPostgresqlCreatesInsertsAndSelects() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute("CREATE CATALOG ice_pg WITH ("
                    + "'type' = 'iceberg', 'catalog-impl' = 'org.apache.iceberg.jdbc.JdbcCatalog', "
                    + "'uri' = '" + icebergCatalogDatabase.jdbcUrl() + "', "
                    + "'jdbc.user' = '" + icebergCatalogDatabase.user() + "', "
                    + "'jdbc.password' = '" + icebergCatalogDatabase.password() + "', "
                    + "'warehouse' = '" + warehouses.resolve("jdbc").toUri() + "')");
            session.execute("CREATE DATABASE ice_pg.sales");
            session.execute("CREATE TABLE ice_pg.sales.orders (id INT, amount DECIMAL(10, 2))");
            session.execute("INSERT INTO ice_pg.sales.orders VALUES "
                    + "(1, CAST(12.50 AS DECIMAL(10, 2))), (2, CAST(7.25 AS DECIMAL(10, 2)))");

            assertThat(session.query("SELECT id, amount FROM ice_pg.sales.orders ORDER BY id"))
                    .containsExactly(List.of(1, new BigDecimal("12.50")), List.of(2, new BigDecimal("7.25")));
        }
        // The catalog is in PostgreSQL: Iceberg's own table of tables there names the new table.
        assertThat(icebergCatalogDatabase.query(
                "SELECT table_namespace, table_name FROM iceberg_tables WHERE catalog_name = 'ice_pg'"))
                .containsExactly(List.of("sales", "orders"));
    }

    @Test
    void jdbcCatalogOnPostgresqlReadsAndWrites() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute(jdbcCatalogDdl("pg", postgres));

            assertThat(session.query("SELECT id, name FROM pg." + postgres.name() + ".`public.customers` ORDER BY id"))
                    .containsExactly(List.of(1, "ada"), List.of(2, "grace"), List.of(3, "edsger"));

            session.execute("INSERT INTO pg." + postgres.name() + ".`public.payments` "
                    + "SELECT id, CAST(id * 10 AS DECIMAL(10, 2)) FROM pg." + postgres.name() + ".`public.customers` "
                    + "WHERE name <> 'grace'");
        }
        assertThat(postgres.query("SELECT customer_id, amount FROM payments ORDER BY customer_id"))
                .containsExactly(List.of(1, new BigDecimal("10.00")), List.of(3, new BigDecimal("30.00")));
    }

    @Test
    void jdbcCatalogOnMariaDbReadsAndWrites() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute(jdbcCatalogDdl("my", mariaDb));

            assertThat(session.query("SELECT id, title FROM my." + mariaDb.name() + ".products ORDER BY id"))
                    .containsExactly(List.of(10, "keyboard"), List.of(20, "monitor"), List.of(30, "cable"));

            session.execute("INSERT INTO my." + mariaDb.name() + ".stock "
                    + "SELECT id, CAST(id / 10 AS INT) FROM my." + mariaDb.name() + ".products WHERE title <> 'monitor'");
        }
        assertThat(mariaDb.query("SELECT product_id, quantity FROM stock ORDER BY product_id"))
                .containsExactly(List.of(10, 1), List.of(30, 3));
    }

    @Test
    void oneSelectJoinsIcebergPostgresqlAndMariaDb() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute(icebergHadoopCatalogDdl("lake", "hadoop-join"));
            session.execute(jdbcCatalogDdl("pg", postgres));
            session.execute(jdbcCatalogDdl("my", mariaDb));
            session.execute("CREATE DATABASE lake.shop");
            session.execute("CREATE TABLE lake.shop.orders (order_id INT, customer_id INT, product_id INT, "
                    + "quantity INT)");
            session.execute("INSERT INTO lake.shop.orders VALUES "
                    + "(100, 1, 10, 2), (101, 2, 20, 1), (102, 1, 30, 5), (103, 9, 10, 1), (104, 3, 99, 1)");

            assertThat(session.query("SELECT o.order_id, c.name, p.title, o.quantity "
                    + "FROM lake.shop.orders AS o "
                    + "JOIN pg." + postgres.name() + ".`public.customers` AS c ON c.id = o.customer_id "
                    + "JOIN my." + mariaDb.name() + ".products AS p ON p.id = o.product_id "
                    + "ORDER BY o.order_id"))
                    .containsExactly(
                            List.of(100, "ada", "keyboard", 2),
                            List.of(101, "grace", "monitor", 1),
                            List.of(102, "ada", "cable", 5));
        }
    }

    @Test
    void insertIntoIcebergSelectsFromPostgresql() throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            session.execute(icebergHadoopCatalogDdl("lake", "hadoop-copy"));
            session.execute(jdbcCatalogDdl("pg", postgres));
            session.execute("CREATE DATABASE lake.crm");
            session.execute("CREATE TABLE lake.crm.customers (id INT, name STRING)");

            session.execute("INSERT INTO lake.crm.customers "
                    + "SELECT id, UPPER(name) FROM pg." + postgres.name() + ".`public.customers`");

            assertThat(session.query("SELECT id, name FROM lake.crm.customers ORDER BY id"))
                    .containsExactly(List.of(1, "ADA"), List.of(2, "GRACE"), List.of(3, "EDSGER"));
        }
    }

    @Test
    void anUnknownCatalogTypeIsNamed() throws Exception {
        String error = failureOf("CREATE CATALOG x WITH ('type' = 'no-such-type')");

        assertThat(error).contains("Unable to create catalog 'x'.")
                .contains("Could not find any factory for identifier 'no-such-type' that implements "
                        + "'org.apache.flink.table.factories.CatalogFactory' in the classpath.")
                .contains("Available factory identifiers are:");
    }

    @Test
    void aWrongPasswordNamesTheServerAndTheRefusedLogin() throws Exception {
        String error = failureOf("CREATE CATALOG my WITH ('type' = 'jdbc', "
                + "'base-url' = '" + DatabaseServer.MARIADB.baseUrl() + "', "
                + "'default-database' = '" + mariaDb.name() + "', "
                + "'username' = '" + mariaDb.user() + "', 'password' = 'not-the-password')");

        assertThat(error).contains("Unable to create catalog 'my'.")
                .contains("jdbc:mysql://127.0.0.1:3306/" + mariaDb.name())
                .contains("Access denied for user '" + mariaDb.user() + "'@'127.0.0.1' (using password: YES)")
                .doesNotContain("not-the-password");
    }

    @Test
    void anUnreachableServerIsNamedWithItsAddress() throws Exception {
        int closedPort = FreePorts.next();
        String error = failureOf("CREATE CATALOG pg WITH ('type' = 'jdbc', "
                + "'base-url' = 'jdbc:postgresql://127.0.0.1:" + closedPort + "', "
                + "'default-database' = '" + postgres.name() + "', "
                + "'username' = '" + postgres.user() + "', 'password' = '" + postgres.password() + "')");

        assertThat(error)
                .contains("Failed connecting to jdbc:postgresql://127.0.0.1:" + closedPort + "/" + postgres.name()
                        + " via JDBC.")
                .contains("Connection to 127.0.0.1:" + closedPort + " refused.");
    }

    @Test
    void aMissingRequiredOptionIsNamed() throws Exception {
        String error = failureOf("CREATE CATALOG pg WITH ('type' = 'jdbc', "
                + "'default-database' = '" + postgres.name() + "', "
                + "'username' = '" + postgres.user() + "', 'password' = '" + postgres.password() + "')");

        assertThat(error).contains("Unable to create catalog 'pg'.")
                .containsPattern("One or more required options are missing\\.\\s+Missing required options are:"
                        + "\\s+base-url");
    }

    @Test
    void anIcebergCatalogWithoutWarehouseOrWithAnUnknownCatalogTypeSaysWhy() throws Exception {
        assertThat(failureOf("CREATE CATALOG lake WITH ('type' = 'iceberg', 'catalog-type' = 'hadoop')"))
                .contains("Cannot initialize HadoopCatalog because warehousePath must not be null or empty");
        assertThat(failureOf("CREATE CATALOG lake WITH ('type' = 'iceberg', 'catalog-type' = 'nessie', "
                + "'warehouse' = '" + warehouses.resolve("unused").toUri() + "')"))
                .contains("Unknown catalog-type: nessie (Must be 'hive', 'hadoop' or 'rest')");
    }

    private static String failureOf(String sql) throws Exception {
        try (FlinkJdbcSession session = FlinkJdbcSession.open(server)) {
            return session.errorOf(sql);
        }
    }

    private static String icebergHadoopCatalogDdl(String name, String warehouse) {
        return "CREATE CATALOG " + name + " WITH ('type' = 'iceberg', 'catalog-type' = 'hadoop', "
                + "'warehouse' = '" + warehouses.resolve(warehouse).toUri() + "')";
    }

    private static String jdbcCatalogDdl(String name, ScratchDatabase database) {
        return "CREATE CATALOG " + name + " WITH ('type' = 'jdbc', "
                + "'base-url' = '" + database.server().baseUrl() + "', "
                + "'default-database' = '" + database.name() + "', "
                + "'username' = '" + database.user() + "', 'password' = '" + database.password() + "')";
    }
}
