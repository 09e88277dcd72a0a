package io.tributary.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.testing.DatabaseServer;
import io.tributary.server.testing.ScratchDatabase;
import io.tributary.server.testing.TestServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What BI tools do when they connect, browse and query, replayed against a real server with real catalogs: a JDBC
 * catalog over PostgreSQL and the server's own default_catalog. The sequences are read from the tools' sources
 * (named at each test); sqlline itself runs in a JVM of its own.
 */
class BiToolsIT {

    private static TestServer server;
    private static ScratchDatabase postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = ScratchDatabase.create(DatabaseServer.POSTGRESQL);
        postgres.execute(
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, since DATE)",
                "INSERT INTO customers VALUES (1, 'ada', '2020-01-01'), (2, 'grace', '2021-06-30')",
                "CREATE TABLE payments (customer_id INTEGER, amount NUMERIC(10, 2), paid_at TIMESTAMP(3))",
                "INSERT INTO payments VALUES (1, 12.50, '2024-01-02 10:00:00'), (2, 7.25, '2024-01-03 11:30:00')");
        server = TestServer.start();
        server.dropCatalogs();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE CATALOG pg WITH ('type' = 'jdbc', 'base-url' = '"
                    + postgres.server().baseUrl() + "', 'default-database' = '" + postgres.name() + "', "
                    + "'username' = '" + postgres.user() + "', 'password' = '" + postgres.password() + "')");
            statement.execute("CREATE DATABASE default_catalog.shop");
            statement.execute("CREATE TABLE default_catalog.shop.orders (id INT NOT NULL, amount DECIMAL(10, 2) "
                    + "COMMENT 'what was paid', placed TIMESTAMP(3), doubled AS id * 2, "
                    + "PRIMARY KEY (id) NOT ENFORCED) COMMENT 'every order' WITH ('connector' = 'datagen', "
                    + "'number-of-rows' = '5', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1', "
                    + "'fields.id.end' = '5')");
            statement.execute("CREATE VIEW default_catalog.shop.big_orders AS SELECT id, amount "
                    + "FROM default_catalog.shop.orders WHERE amount > 100");
            statement.execute("CREATE TABLE default_catalog.shop.a_b (x INT) WITH ('connector' = 'datagen', "
                    + "'number-of-rows' = '1')");
            statement.execute("CREATE TABLE default_catalog.shop.axb (x INT) WITH ('connector' = 'datagen', "
                    + "'number-of-rows' = '1')");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private static String url() {
        return "jdbc:tributary://127.0.0.1:" + server.gatewayPort();
    }

    /** As a BI tool is set up for Flink: batch mode, so that ORDER BY works on bounded tables. */
    private static Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("execution.runtime-mode", "batch");
        properties.setProperty("user", "analyst");
        properties.setProperty("password", "not-checked-yet");
        return DriverManager.getConnection(url(), properties);
    }

    /**
     * DBeaver's generic JDBC plugin: plugins/org.jkiss.dbeaver.ext.generic/.../model/meta/GenericMetaModel.java
     * (loadSchemas: getSchemas(catalog, "%"); prepareTableLoadStatement: getTables(catalog, escaped schema, "%",
     * null); prepareTableColumnLoadStatement: getColumns(catalog, escaped schema, escaped table, "%");
     * prepareUniqueConstraintsLoadStatement: getPrimaryKeys(catalog, schema, table); prepareForeignKeysLoadStatement:
     * getImportedKeys; loadProcedures: getFunctions then getProcedures), then a query in the SQL editor.
     */
    @Test
    void dbeaverConnectsBrowsesAndQueries() throws Exception {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(meta.getIdentifierQuoteString()).isEqualTo("`");
            assertThat(meta.getSearchStringEscape()).isEqualTo("\\");
            assertThat(meta.getCatalogSeparator()).isEqualTo(".");
            assertThat(meta.getSQLKeywords()).contains("WATERMARK");
            assertThat(meta.supportsSchemasInDataManipulation()).isTrue();
            assertThat(strings(meta.getTableTypes(), "TABLE_TYPE")).containsExactly("TABLE", "VIEW");
            assertThat(strings(meta.getCatalogs(), "TABLE_CAT")).contains("default_catalog", "pg");

            String database = postgres.name();
            // Flink's JDBC catalog lists every database of the PostgreSQL server.
            assertThat(strings(meta.getSchemas("pg", "%"), "TABLE_SCHEM")).contains(database, "postgres");
            assertThat(strings(meta.getTables("pg", escape(meta, database), "%", null), "TABLE_NAME"))
                    .containsExactly("public.customers", "public.payments");
            try (ResultSet columns = meta.getColumns("pg", escape(meta, database), escape(meta, "public.customers"),
                    "%")) {
                List<String> described = new ArrayList<>();
                while (columns.next()) {
                    described.add(columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME") + " "
                            + columns.getInt("DATA_TYPE") + " " + columns.getInt("COLUMN_SIZE") + " "
                            + columns.getString("IS_NULLABLE") + " " + columns.getInt("ORDINAL_POSITION"));
                }
                assertThat(described).containsExactly("id INT 4 10 NO 1", "name VARCHAR 12 50 NO 2",
                        "since DATE 91 10 YES 3");
            }
            try (ResultSet keys = meta.getPrimaryKeys("pg", database, "public.customers")) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getString("COLUMN_NAME")).isEqualTo("id");
                assertThat(keys.getShort("KEY_SEQ")).isEqualTo((short) 1);
                assertThat(keys.next()).isFalse();
            }
            try (ResultSet imported = meta.getImportedKeys("pg", database, "public.customers")) {
                assertThat(imported.getMetaData().getColumnCount()).isEqualTo(14);
                assertThat(imported.next()).isFalse();
            }
            try (ResultSet indexes = meta.getIndexInfo("pg", database, "public.customers", false, true)) {
                assertThat(indexes.getMetaData().getColumnLabel(6)).isEqualTo("INDEX_NAME");
                assertThat(indexes.next()).isFalse();
            }
            assertThat(strings(meta.getFunctions(null, null, "UPPER"), "FUNCTION_NAME")).containsExactly("upper");
            assertThat(meta.getProcedures("pg", escape(meta, database), "%").next()).isFalse();

            try (PreparedStatement query = connection.prepareStatement("SELECT name, since FROM pg.`" + database
                    + "`.`public.customers` ORDER BY id", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                query.setFetchSize(200);
                query.setMaxRows(200);
                assertThat(query.execute()).isTrue();
                try (ResultSet rows = query.getResultSet()) {
                    ResultSetMetaData columns = rows.getMetaData();
                    assertThat(columns.getCatalogName(1)).isEqualTo("pg");
                    assertThat(columns.getSchemaName(1)).isEqualTo(database);
                    assertThat(columns.getTableName(1)).isEqualTo("public.customers");
                    assertThat(columns.getColumnTypeName(2)).isEqualTo("DATE");
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("ada");
                    assertThat(rows.getObject(2, LocalDate.class)).isEqualTo(LocalDate.of(2020, 1, 1));
                }
                assertThat(query.getMoreResults()).isFalse();
                assertThat(query.getUpdateCount()).isEqualTo(-1);
            }
        }
    }

    /**
     * Metabase's sync and queries: src/metabase/driver/sql_jdbc/execute.clj (set-default-connection-options!:
     * supportsTransactionIsolationLevel, setReadOnly, setAutoCommit, setHoldability; set-parameters!:
     * getParameterMetaData().getParameterCount() and setObject with java.time and a java.sql.Types),
     * sync/describe_database.clj (getSchemas(), then per schema getTables(nil, schema, "%", [TABLE, PARTITIONED
     * TABLE, VIEW, FOREIGN TABLE, MATERIALIZED VIEW, EXTERNAL TABLE, DYNAMIC_TABLE]) and a SELECT TRUE ... WHERE
     * 1 <> 1 LIMIT 0 probe with a 15 s query timeout), sync/describe_table.clj (getColumns(nil, schema, table, nil)
     * reading COLUMN_NAME, TYPE_NAME, COLUMN_DEF, NULLABLE, IS_AUTOINCREMENT, REMARKS; getPrimaryKeys).
     */
    @Test
    void metabaseSyncsAndRunsAParameterisedQuery() throws Exception {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            if (meta.supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_UNCOMMITTED)) {
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            }
            connection.setReadOnly(true);
            connection.setAutoCommit(true);
            connection.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);

            List<String> schemas = strings(meta.getSchemas(), "TABLE_SCHEM");
            assertThat(schemas).contains("shop", postgres.name(), "default_database");
            String[] types = {"TABLE", "PARTITIONED TABLE", "VIEW", "FOREIGN TABLE", "MATERIALIZED VIEW",
                "EXTERNAL TABLE", "DYNAMIC_TABLE"};
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = meta.getTables(null, "shop", "%", types)) {
                while (rows.next()) {
                    tables.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME") + " "
                            + rows.getString("TABLE_TYPE"));
                    try (PreparedStatement probe = connection.prepareStatement("SELECT TRUE AS `_` FROM `"
                            + rows.getString("TABLE_CAT") + "`.`shop`.`" + rows.getString("TABLE_NAME")
                            + "` WHERE 1 <> 1 LIMIT 0")) {
                        probe.setQueryTimeout(15);
                        probe.execute();
                    }
                }
            }
            assertThat(tables).containsExactly("shop.a_b TABLE", "shop.axb TABLE", "shop.orders TABLE",
                    "shop.big_orders VIEW");

            List<String> fields = new ArrayList<>();
            try (ResultSet columns = meta.getColumns(null, "shop", "orders", null)) {
                while (columns.next()) {
                    fields.add(columns.getString("COLUMN_NAME") + " " + columns.getString("TYPE_NAME") + " "
                            + columns.getString("COLUMN_DEF") + " " + columns.getInt("NULLABLE") + " "
                            + columns.getString("IS_AUTOINCREMENT") + " " + columns.getString("IS_GENERATEDCOLUMN")
                            + " " + columns.getString("REMARKS"));
                }
            }
            assertThat(fields).containsExactly("id INT null 0 NO NO null",
                    "amount DECIMAL null 1 NO NO what was paid", "placed TIMESTAMP null 1 NO NO null",
                    "doubled INT null 0 NO YES null");
            assertThat(strings(meta.getPrimaryKeys(null, "shop", "orders"), "COLUMN_NAME")).containsExactly("id");

            try (PreparedStatement query = connection.prepareStatement("SELECT customer_id, amount FROM pg.`"
                    + postgres.name() + "`.`public.payments` WHERE paid_at >= ? ORDER BY customer_id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, ResultSet.CLOSE_CURSORS_AT_COMMIT)) {
                assertThat(query.getParameterMetaData().getParameterCount()).isEqualTo(1);
                query.setObject(1, LocalDate.of(2024, 1, 3).atStartOfDay(), Types.TIMESTAMP);
                query.setFetchDirection(ResultSet.FETCH_FORWARD);
                query.setMaxRows(2000);
                try (ResultSet rows = query.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(2);
                    assertThat(rows.getObject(2)).isEqualTo(new BigDecimal("7.25"));
                    assertThat(rows.next()).isFalse();
                }
            }
        }
    }

    @Test
    void namePatternsEscapesAndTypeFiltersNarrowTheListings() throws Exception {
        try (Connection connection = connect()) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(strings(meta.getTables("default_catalog", "shop", "a_b", null), "TABLE_NAME"))
                    .containsExactly("a_b", "axb");
            assertThat(strings(meta.getTables("default_catalog", "shop", "a\\_b", null), "TABLE_NAME"))
                    .containsExactly("a_b");
            assertThat(strings(meta.getTables("default_catalog", "sh%", "%", new String[] {"VIEW", "NO SUCH TYPE"}),
                    "TABLE_NAME")).containsExactly("big_orders");
            assertThat(meta.getTables(null, null, "%", new String[] {"SYSTEM TABLE"}).next()).isFalse();
            assertThat(strings(meta.getSchemas("default_catalog", "d%"), "TABLE_SCHEM"))
                    .containsExactly("default_database");
            assertThat(strings(meta.getSchemas(null, "sho_"), "TABLE_CATALOG")).containsExactly("default_catalog");
            assertThat(meta.getSchemas("", null).next()).isFalse();
            try (ResultSet columns = meta.getColumns("default_catalog", "shop", "orders", "amount")) {
                ResultSetMetaData labels = columns.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= labels.getColumnCount(); i++) {
                    names.add(labels.getColumnLabel(i));
                }
                assertThat(names).containsExactly("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME",
                        "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH", "DECIMAL_DIGITS", "NUM_PREC_RADIX",
                        "NULLABLE", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH",
                        "ORDINAL_POSITION", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE",
                        "SOURCE_DATA_TYPE", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
                assertThat(columns.next()).isTrue();
                assertThat(columns.getInt("DATA_TYPE")).isEqualTo(Types.DECIMAL);
                assertThat(columns.getInt("COLUMN_SIZE")).isEqualTo(10);
                assertThat(columns.getInt("DECIMAL_DIGITS")).isEqualTo(2);
                assertThat(columns.getInt("ORDINAL_POSITION")).isEqualTo(2);
            }
            assertThat(strings(meta.getColumns("default_catalog", "shop", "big_orders", "%"), "COLUMN_NAME"))
                    .containsExactly("id", "amount");
            try (ResultSet typeInfo = meta.getTypeInfo()) {
                List<String> names = new ArrayList<>();
                while (typeInfo.next()) {
                    names.add(typeInfo.getString("TYPE_NAME"));
                }
                assertThat(names).contains("STRING", "DECIMAL", "TIMESTAMP", "TIMESTAMP_LTZ", "ARRAY", "MAP", "ROW");
            }
        }
    }

    @Test
    void temporaryObjectsAndTheSqlFallbackAreBrowsedToo() throws Exception {
        try (Connection connection = DriverManager.getConnection(url() + "/default_catalog/shop?metadataSource=sql");
                Statement statement = connection.createStatement()) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(strings(meta.getTables("default_catalog", "shop", "%", null), "TABLE_NAME"))
                    .containsExactly("a_b", "axb", "orders", "big_orders");
            assertThat(strings(meta.getPrimaryKeys("default_catalog", "shop", "orders"), "COLUMN_NAME"))
                    .containsExactly("id");
            statement.execute("CREATE TEMPORARY VIEW recent AS SELECT id FROM orders WHERE id > 3");
        }
        try (Connection connection = DriverManager.getConnection(url() + "/default_catalog/shop");
                Statement statement = connection.createStatement()) {
            DatabaseMetaData meta = connection.getMetaData();
            assertThat(strings(meta.getTables("default_catalog", "shop", "rec%", null), "TABLE_NAME")).isEmpty();
            statement.execute("CREATE TEMPORARY VIEW recent AS SELECT id FROM orders WHERE id > 3");
            try (ResultSet tables = meta.getTables("default_catalog", "shop", "rec%", null)) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString("TABLE_TYPE")).isEqualTo("VIEW");
            }
            assertThat(strings(meta.getColumns("default_catalog", "shop", "recent", "%"), "COLUMN_NAME"))
                    .containsExactly("id");
            assertThat(connection.getSchema()).isEqualTo("shop");
        }
    }

    /**
     * sqlline 1.12 itself (src/main/java/sqlline/Commands.java: !tables is getTables(catalog, null, "%", null),
     * !columns getColumns(catalog, null, table, "%"), !primarykeys getPrimaryKeys(catalog, null, table);
     * DatabaseConnection.java on connect: getDatabaseProductName/Version, getDriverName/Version, setAutoCommit,
     * setReadOnly, transaction isolation, getIdentifierQuoteString, getSQLKeywords), in a JVM of its own with only
     * the driver jar beside it, running a script.
     */
    @Test
    void sqllineRunsAScriptOfMetadataCommandsAndQueries() throws Exception {
        Path work = Files.createTempDirectory("sqlline-");
        Path script = work.resolve("script.sql");
        Files.writeString(script, String.join("\n",
                "!tables",
                "!columns orders",
                "!primarykeys orders",
                "!describe orders",
                "SELECT id, amount IS NOT NULL AS has_amount FROM orders ORDER BY id LIMIT 3;",
                "SELECT name FROM pg.`" + postgres.name() + "`.`public.customers` WHERE id = 2;",
                "!quit",
                ""));
        Path output = work.resolve("output.txt");
        Process sqlline = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("sqlline.jar") + java.io.File.pathSeparator + System.getProperty("driver.jar"),
                "sqlline.SqlLine", "-d", "io.tributary.jdbc.TributaryDriver",
                "-u", url() + "/default_catalog/shop?execution.runtime-mode=batch", "-n", "analyst", "-p", "pw",
                "--run=" + script, "--showWarnings=false", "--maxWidth=400")
                .redirectErrorStream(true).redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Files.createFile(work.resolve("empty-input")).toFile())).start();
        assertThat(sqlline.waitFor(180, TimeUnit.SECONDS)).as("sqlline finished").isTrue();
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(sqlline.exitValue()).as(printed).isZero();
        assertThat(printed).containsPattern("\\| default_catalog\\s+\\| shop\\s+\\| orders\\s+\\| TABLE")
                .containsPattern("\\| default_catalog\\s+\\| shop\\s+\\| big_orders\\s+\\| VIEW")
                .containsPattern("\\| orders\\s+\\| amount\\s+\\| 3\\s+\\| DECIMAL")
                .containsPattern("\\| orders\\s+\\| id\\s+\\| 1\\s+\\| PK_orders")
                .containsPattern("(?i)\\| 1\\s+\\| TRUE\\s+\\|")
                .containsPattern("(?i)\\| 3\\s+\\| TRUE\\s+\\|")
                .containsPattern("\\| grace\\s+\\|")
                .doesNotContain("Error:");
    }

    private static String escape(DatabaseMetaData meta, String name) throws SQLException {
        String escape = meta.getSearchStringEscape();
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private static List<String> strings(ResultSet rows, String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (rows) {
            while (rows.next()) {
                values.add(rows.getString(column));
            }
        }
        return values;
    }
}
