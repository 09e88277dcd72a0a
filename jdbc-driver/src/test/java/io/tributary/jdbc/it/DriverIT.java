package io.tributary.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tributary.jdbc.TributaryConnection;
import io.tributary.jdbc.TributaryDataSource;
import io.tributary.jdbc.statement.TributaryStatement;
import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.TestServer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The driver against a real Tributary server: results and their types, streaming, maxRows, query timeouts and
 * cancel that stop the Flink job, prepared statements, errors, the connection behaviours BI tools rely on, and
 * the jar on its own in a plain JVM.
 */
class DriverIT {

    /** An endless source of rows (one every 10 ms): a streaming query over it never ends by itself. */
    private static final String ENDLESS = "CREATE TEMPORARY TABLE endless (k BIGINT, name STRING) WITH ("
            + "'connector' = 'datagen', 'rows-per-second' = '100', 'fields.name.length' = '3')";

    private static TestServer server;
    private static FlinkJobs jobs;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
        jobs = new FlinkJobs(server);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static String url() {
        return "jdbc:tributary://127.0.0.1:" + server.gatewayPort();
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(url());
    }

    @Test
    void selectOneThroughDriverManagerAndTheDataSource() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1 AS answer")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt("ANSWER")).isEqualTo(1);
            assertThat(rows.next()).isFalse();
        }
        TributaryDataSource dataSource = new TributaryDataSource();
        dataSource.setUrl(url() + "/default_catalog/default_database");
        try (Connection connection = dataSource.getConnection("ann", "secret")) {
            assertThat(connection.getCatalog()).isEqualTo("default_catalog");
            assertThat(connection.getSchema()).isEqualTo("default_database");
            assertThat(connection.getMetaData().getUserName()).isEqualTo("ann");
        }
    }

    @Test
    void credentialsAndOtherPropertiesReachTheSession() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("user", "ann");
        properties.setProperty("password", "secret");
        properties.setProperty("token", "t-123");
        properties.setProperty("execution.runtime-mode", "batch");
        try (Connection connection = DriverManager.getConnection(url(), properties)) {
            Map<String, String> session = connection.unwrap(TributaryConnection.class).client().properties();
            assertThat(session).containsEntry("tributary.user", "ann").containsEntry("execution.runtime-mode", "batch")
                    .doesNotContainKeys("tributary.password", "tributary.token");
            assertThat(session.values()).doesNotContain("secret", "t-123");
            assertThat(session.get("tributary.management-url")).isEqualTo(server.managementUrl());
        }
        // Older drivers and Flink's own driver send it as a session property: the server never echoes it.
        try (Connection connection = DriverManager.getConnection(url() + "?tributary.password=hunter2")) {
            Map<String, String> session = connection.unwrap(TributaryConnection.class).client().properties();
            assertThat(session).containsEntry("tributary.password", "******");
        }
    }

    @Test
    void rowsAfterTheFirstPageComeThroughTheDenseStreamWithTheSameValuesAsJson() throws Exception {
        String typed = "CAST(1.50 AS DECIMAL(10, 2)) AS d, CAST(7 AS TINYINT) AS ti, CAST(8 AS SMALLINT) AS si,"
                + " 9 AS i, CAST(10 AS BIGINT) AS bi, CAST(1.5 AS FLOAT) AS f, CAST(2.25 AS DOUBLE) AS db, TRUE AS b,"
                + " 'text' AS s, CAST('abc' AS CHAR(3)) AS c, X'01FF' AS bin, DATE '2024-01-02' AS dt,"
                + " TIME '10:11:12' AS t, TIMESTAMP '2024-01-02 10:11:12.345678' AS ts,"
                + " TO_TIMESTAMP_LTZ(1704190272345, 3) AS ltz, ARRAY[1, 2, 3] AS arr, MAP['k', 1] AS m,"
                + " ROW(1, 'x') AS r, INTERVAL '2' DAY AS iv, CAST(NULL AS STRING) AS nothing, k";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute("CREATE TEMPORARY TABLE many (k BIGINT) WITH ('connector' = 'datagen',"
                    + " 'number-of-rows' = '12000', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
                    + " 'fields.k.end' = '12000', 'rows-per-second' = '1000000')");
            try (ResultSet rows = statement.executeQuery("SELECT " + typed + " FROM many")) {
                assertThat(rows.unwrap(io.tributary.jdbc.result.TributaryResultSet.class).source())
                        .isInstanceOf(io.tributary.jdbc.result.PrefetchingRowSource.class);
                int width = rows.getMetaData().getColumnCount();
                assertThat(rows.next()).isTrue();
                List<Object> first = new ArrayList<>();
                List<String> firstText = new ArrayList<>();
                for (int i = 1; i < width; i++) {
                    first.add(comparable(rows.getObject(i)));
                    firstText.add(rows.getString(i));
                }
                long count = 1;
                long sum = rows.getLong(width);
                List<Object> last = first;
                List<String> lastText = firstText;
                while (rows.next()) {
                    count++;
                    sum += rows.getLong(width);
                    if (count == 12_000) {
                        last = new ArrayList<>();
                        lastText = new ArrayList<>();
                        for (int i = 1; i < width; i++) {
                            last.add(comparable(rows.getObject(i)));
                            lastText.add(rows.getString(i));
                        }
                    }
                }
                assertThat(count).isEqualTo(12_000);
                assertThat(sum).isEqualTo(12_000L * 12_001 / 2);
                assertThat(last).isEqualTo(first);
                assertThat(lastText).isEqualTo(firstText);
                assertThat(lastText).contains("1.50", "2024-01-02 10:11:12.345678", "[1, 2, 3]", "{k=1}");
            }
        }
    }

    /** A value that compares by content (arrays, JDBC arrays and structs as lists). */
    private static Object comparable(Object value) throws SQLException {
        if (value instanceof byte[]) {
            return java.util.Arrays.toString((byte[]) value);
        }
        if (value instanceof Array) {
            return java.util.Arrays.asList((Object[]) ((Array) value).getArray());
        }
        if (value instanceof Struct) {
            return java.util.Arrays.asList(((Struct) value).getAttributes());
        }
        return value;
    }

    @Test
    void withResultStreamRestTheRowsComeAsTheRestProtocolsPages() throws Exception {
        try (Connection connection = DriverManager.getConnection(url() + "?resultStream=rest");
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute("CREATE TEMPORARY TABLE pages (k BIGINT) WITH ('connector' = 'datagen',"
                    + " 'number-of-rows' = '12000', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
                    + " 'fields.k.end' = '12000', 'rows-per-second' = '1000000')");
            long sum = 0;
            try (ResultSet rows = statement.executeQuery("SELECT k FROM pages")) {
                assertThat(rows.unwrap(io.tributary.jdbc.result.TributaryResultSet.class).source())
                        .isInstanceOf(io.tributary.jdbc.result.StreamingRowSource.class);
                while (rows.next()) {
                    sum += rows.getLong(1);
                }
            }
            assertThat(sum).isEqualTo(12_000L * 12_001 / 2);
        }
    }

    @Test
    void everyFlinkTypeHasItsJdbcTypeJavaClassAndJavaTimeGetters() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT CAST(1.50 AS DECIMAL(10, 2)) AS d, "
                        + "CAST(7 AS TINYINT) AS ti, CAST(8 AS SMALLINT) AS si, 9 AS i, CAST(10 AS BIGINT) AS bi, "
                        + "CAST(1.5 AS FLOAT) AS f, CAST(2.25 AS DOUBLE) AS db, TRUE AS b, 'text' AS s, "
                        + "CAST('abc' AS CHAR(3)) AS c, X'01FF' AS bin, DATE '2024-01-02' AS dt, TIME '10:11:12' AS t, "
                        + "TIMESTAMP '2024-01-02 10:11:12.345678' AS ts, "
                        + "TO_TIMESTAMP_LTZ(1704190272345, 3) AS ltz, ARRAY[1, 2, 3] AS arr, MAP['k', 1] AS m, "
                        + "ROW(1, 'a') AS r, INTERVAL '1-2' YEAR TO MONTH AS ym, INTERVAL '2' DAY AS dtm, "
                        + "CAST(NULL AS INT) AS n")) {
            ResultSetMetaData meta = rows.getMetaData();
            assertThat(types(meta)).containsExactly(Types.DECIMAL, Types.TINYINT, Types.SMALLINT, Types.INTEGER,
                    Types.BIGINT, Types.REAL, Types.DOUBLE, Types.BOOLEAN, Types.CHAR, Types.CHAR, Types.BINARY,
                    Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.ARRAY,
                    Types.JAVA_OBJECT, Types.STRUCT, Types.OTHER, Types.OTHER, Types.INTEGER);
            assertThat(meta.getPrecision(1)).isEqualTo(10);
            assertThat(meta.getScale(1)).isEqualTo(2);
            assertThat(meta.getColumnTypeName(14)).isEqualTo("TIMESTAMP");
            assertThat(meta.getScale(14)).isEqualTo(6);
            assertThat(meta.getColumnClassName(12)).isEqualTo("java.sql.Date");
            assertThat(meta.isNullable(21)).isEqualTo(ResultSetMetaData.columnNullable);
            assertThat(meta.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);

            assertThat(rows.next()).isTrue();
            assertThat(rows.getBigDecimal("d")).isEqualTo(new BigDecimal("1.50"));
            assertThat(rows.getObject("ti")).isEqualTo((byte) 7);
            assertThat(rows.getObject("si")).isEqualTo((short) 8);
            assertThat(rows.getLong("i")).isEqualTo(9L);
            assertThat(rows.getObject("bi")).isEqualTo(10L);
            assertThat(rows.getObject("f")).isEqualTo(1.5f);
            assertThat(rows.getDouble("db")).isEqualTo(2.25);
            assertThat(rows.getBoolean("b")).isTrue();
            assertThat(rows.getString("c")).isEqualTo("abc");
            assertThat(rows.getBytes("bin")).containsExactly(1, 0xff);
            assertThat(rows.getString("bin")).isEqualTo("x'01ff'");
            assertThat(rows.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(rows.getDate("dt").toLocalDate()).isEqualTo(LocalDate.of(2024, 1, 2));
            assertThat(rows.getObject("t", LocalTime.class)).isEqualTo(LocalTime.of(10, 11, 12));
            assertThat(rows.getObject("ts", LocalDateTime.class))
                    .isEqualTo(LocalDateTime.of(2024, 1, 2, 10, 11, 12, 345_678_000));
            assertThat(rows.getString("ts")).isEqualTo("2024-01-02 10:11:12.345678");
            assertThat(rows.getTimestamp("ts").getNanos()).isEqualTo(345_678_000);
            assertThat(rows.getObject("ltz", Instant.class)).isEqualTo(Instant.ofEpochMilli(1704190272345L));
            assertThat(rows.getObject("ltz", OffsetDateTime.class).toInstant())
                    .isEqualTo(Instant.ofEpochMilli(1704190272345L));
            assertThat(rows.getTimestamp("ltz").toInstant()).isEqualTo(Instant.ofEpochMilli(1704190272345L));
            Array array = rows.getArray("arr");
            assertThat((Object[]) array.getArray()).containsExactly(1, 2, 3);
            assertThat(array.getBaseType()).isEqualTo(Types.INTEGER);
            assertThat(rows.getObject("m", Map.class)).isEqualTo(Map.of("k", 1));
            Struct row = (Struct) rows.getObject("r");
            assertThat(row.getAttributes()).containsExactly(1, "a");
            assertThat(rows.getObject("ym", Period.class)).isEqualTo(Period.of(1, 2, 0));
            assertThat(rows.getObject("dtm", Duration.class)).isEqualTo(Duration.ofDays(2));
            assertThat(rows.getInt("n")).isZero();
            assertThat(rows.wasNull()).isTrue();
            assertThat(rows.getObject("n", Integer.class)).isNull();
        }
    }

    private static List<Integer> types(ResultSetMetaData meta) throws SQLException {
        List<Integer> types = new ArrayList<>();
        for (int column = 1; column <= meta.getColumnCount(); column++) {
            types.add(meta.getColumnType(column));
        }
        return types;
    }

    @Test
    void aLargeResultStreamsPageByPage() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute("CREATE TEMPORARY TABLE numbers (k BIGINT, name STRING) WITH ('connector' = 'datagen',"
                    + " 'number-of-rows' = '30000', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
                    + " 'fields.k.end' = '30000', 'fields.name.length' = '8')");
            statement.setFetchSize(1000);
            long count = 0;
            long sum = 0;
            try (ResultSet rows = statement.executeQuery("SELECT k, name FROM numbers")) {
                while (rows.next()) {
                    count++;
                    sum += rows.getLong(1);
                    assertThat(rows.getString(2)).hasSize(8);
                }
            }
            assertThat(count).isEqualTo(30_000);
            assertThat(sum).isEqualTo(30_000L * 30_001 / 2);
        }
    }

    @Test
    void maxRowsEndsAnEndlessQueryAndCancelsItsJob() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(ENDLESS);
            statement.execute("SET 'pipeline.name' = 'max-rows-endless'");
            statement.setMaxRows(25);
            int count = 0;
            try (ResultSet rows = statement.executeQuery("SELECT k, name FROM endless")) {
                while (rows.next()) {
                    count++;
                }
            }
            assertThat(count).isEqualTo(25);
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> "CANCELED".equals(jobs.stateOf("max-rows-endless")));
    }

    @Test
    void theQueryTimeoutEndsAStreamingQueryCleanlyOnTheServer() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(ENDLESS);
            statement.execute("SET 'pipeline.name' = 'timeout-endless'");
            statement.setQueryTimeout(3);
            long started = System.nanoTime();
            int count = 0;
            SQLWarning warning;
            try (ResultSet rows = statement.executeQuery("SELECT k FROM endless")) {
                while (rows.next()) {
                    count++;
                }
                warning = rows.getWarnings();
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            // Rows flowed until the deadline (how many depends on how soon the job ran on a busy machine).
            assertThat(seconds).isBetween(2L, 60L);
            assertThat(count).isNotNegative();
            assertThat(warning.getSQLState()).isEqualTo("57014");
            assertThat(warning.getMessage()).contains("query timeout").contains("[operation ");
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> "CANCELED".equals(jobs.stateOf("timeout-endless")));
    }

    @Test
    void cancelFromAnotherThreadStopsTheJob() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(ENDLESS);
            statement.execute("SET 'pipeline.name' = 'cancelled-endless'");
            ResultSet rows = statement.executeQuery("SELECT k FROM endless");
            assertThat(rows.next()).isTrue();
            CompletableFuture<Void> cancel = CompletableFuture.runAsync(() -> {
                try {
                    statement.cancel();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            cancel.get(30, TimeUnit.SECONDS);
            assertThatThrownBy(() -> {
                while (rows.next()) {
                    rows.getLong(1);
                }
            }).isInstanceOf(SQLException.class).hasMessageContaining("cancelled")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
            rows.close();
        }
        await().atMost(30, TimeUnit.SECONDS).until(() -> "CANCELED".equals(jobs.stateOf("cancelled-endless")));
    }

    @Test
    void theTimeoutAlsoStopsAStatementThatHasNoResultYet() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(ENDLESS);
            statement.execute("SET 'table.dml-sync' = 'true'");
            statement.execute("SET 'pipeline.name' = 'timeout-insert'");
            statement.execute("CREATE TEMPORARY TABLE sink (k BIGINT, name STRING) WITH ('connector' = 'blackhole')");
            statement.setQueryTimeout(2);
            assertThatThrownBy(() -> statement.execute("INSERT INTO sink SELECT * FROM endless"))
                    .isInstanceOf(SQLTimeoutException.class).hasMessageContaining("[operation ")
                    .hasMessageContaining("executionTimeout of 2000 ms")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("57014");
        }
        await().atMost(60, TimeUnit.SECONDS).until(() -> {
            String state = jobs.stateOf("timeout-insert");
            return state == null || "CANCELED".equals(state);
        });
    }

    @Test
    void ddlSetAndInsertHaveUpdateCountsAndAnInsertNamesItsJob() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SET 'execution.runtime-mode' = 'batch'")).isFalse();
            assertThat(statement.getUpdateCount()).isZero();
            assertThat(statement.getMoreResults()).isFalse();
            assertThat(statement.getUpdateCount()).isEqualTo(-1);
            assertThat(statement.executeUpdate("CREATE TEMPORARY TABLE target (k INT) WITH ('connector' = "
                    + "'blackhole')")).isZero();
            assertThat(statement.executeUpdate("INSERT INTO target VALUES (1), (2)")).isZero();
            String job = statement.unwrap(TributaryStatement.class).getJobId();
            assertThat(job).matches("[0-9a-f]{32}");
            assertThat(statement.getWarnings().getMessage()).contains(job);
            assertThat(statement.execute("SHOW TABLES")).isTrue();
            try (ResultSet tables = statement.getResultSet()) {
                assertThat(tables.next()).isTrue();
                assertThat(tables.getString(1)).isEqualTo("target");
            }
        }
    }

    @Test
    void preparedStatementsRenderTypedParametersSafely() throws Exception {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT ? AS s, ? AS i, ? AS d, ? AS dt, ? AS ts, ? AS b, ? AS n, '?' AS q")) {
            ParameterMetaData parameters = statement.getParameterMetaData();
            assertThat(parameters.getParameterCount()).isEqualTo(7);
            statement.setString(1, "x' OR '1'='1");
            statement.setLong(2, 42L);
            statement.setBigDecimal(3, new BigDecimal("-12.345"));
            statement.setObject(4, LocalDate.of(2024, 2, 29), Types.DATE);
            statement.setObject(5, LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6_000_000));
            statement.setBoolean(6, false);
            statement.setNull(7, Types.INTEGER);
            assertThat(parameters.getParameterType(2)).isEqualTo(Types.BIGINT);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString("s")).isEqualTo("x' OR '1'='1");
                assertThat(rows.getMetaData().getColumnType(2)).isEqualTo(Types.BIGINT);
                assertThat(rows.getLong("i")).isEqualTo(42L);
                assertThat(rows.getBigDecimal("d")).isEqualTo(new BigDecimal("-12.345"));
                assertThat(rows.getObject("dt", LocalDate.class)).isEqualTo(LocalDate.of(2024, 2, 29));
                assertThat(rows.getObject("ts", LocalDateTime.class)).isEqualTo(LocalDateTime.of(2024, 1, 2, 3, 4, 5,
                        6_000_000));
                assertThat(rows.getBoolean("b")).isFalse();
                assertThat(rows.getObject("n")).isNull();
                assertThat(rows.getString("q")).isEqualTo("?");
            }
            statement.clearParameters();
            assertThatThrownBy(statement::executeQuery).isInstanceOf(SQLException.class)
                    .hasMessageContaining("parameter 1 of 7 has no value")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("07001");
        }
    }

    @Test
    void errorsCarryTheirSqlStateVendorCodeAndOperation() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeQuery("SELEC 1")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("SQL parse failed").hasMessageContaining("[operation ")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42601"))
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1));
            assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM no_such_table"))
                    .hasMessageContaining("Object 'no_such_table' not found")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42S02"));
            statement.close();
            assertThatThrownBy(() -> statement.executeQuery("SELECT 1"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08003"));
        }
        int closedPort = FreePorts.next();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:tributary://127.0.0.1:" + closedPort))
                .isInstanceOf(SQLException.class).hasMessageContaining("cannot connect to http://127.0.0.1:"
                        + closedPort)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("08001"));
    }

    @Test
    void rowKindsOfAChangelogCanBeAColumn() throws Exception {
        try (Connection connection = DriverManager.getConnection(url() + "?rowKind=true");
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'streaming'");
            List<String> changes = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT word, COUNT(*) AS n FROM (VALUES ('a'), ('b'), "
                    + "('a')) AS t(word) GROUP BY word")) {
                assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("op");
                while (rows.next()) {
                    changes.add(rows.getString("op") + " " + rows.getString("word") + " " + rows.getLong("n"));
                }
            }
            assertThat(changes).contains("+I a 1", "+I b 1", "-U a 1", "+U a 2");
        }
    }

    @Test
    void connectionSettingsBiToolsMakeAreHarmless() throws Exception {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            connection.commit();
            connection.rollback();
            connection.setReadOnly(true);
            connection.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
            connection.setClientInfo("ApplicationName", "DBeaver 24.1");
            assertThat(connection.getAutoCommit()).isFalse();
            assertThat(connection.isReadOnly()).isTrue();
            assertThat(connection.getHoldability()).isEqualTo(ResultSet.CLOSE_CURSORS_AT_COMMIT);
            assertThat(connection.getClientInfo("ApplicationName")).isEqualTo("DBeaver 24.1");
            assertThat(connection.isValid(5)).isTrue();
            assertThat((Object) connection.getWarnings()).isNull();
            connection.close();
            assertThat(connection.isValid(5)).isFalse();
        }
    }

    @Test
    void theJarAloneConnectsInAPlainJvm() throws Exception {
        Path jar = Path.of(System.getProperty("driver.jar"));
        try (JarFile file = new JarFile(jar.toFile())) {
            List<String> foreign = file.stream().map(entry -> entry.getName())
                    .filter(name -> !name.startsWith("io/tributary/jdbc/") && !name.startsWith("META-INF/"))
                    .filter(name -> !name.equals("io/") && !name.equals("io/tributary/")).toList();
            assertThat(foreign).isEmpty();
            assertThat(file.getEntry("META-INF/services/java.sql.Driver")).isNotNull();
        }
        assertThat(Files.size(jar)).isLessThan(512 * 1024);
        Path work = Files.createTempDirectory("driver-alone-");
        Path main = work.resolve("SelectOne.java");
        Files.writeString(main, String.join("\n",
                "import java.sql.*;",
                "public class SelectOne {",
                "  public static void main(String[] args) throws Exception {",
                "    try (Connection c = DriverManager.getConnection(args[0]);",
                "         ResultSet r = c.createStatement().executeQuery(\"SELECT 1 + 1 AS two\")) {",
                "      r.next();",
                "      System.out.println(\"answer=\" + r.getInt(\"two\") + \" driver=\"",
                "          + c.getMetaData().getDriverName());",
                "    }",
                "  }",
                "}"));
        Process java = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), main.toString(), url()).redirectErrorStream(true).start();
        assertThat(java.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).contains("answer=2 driver=Tributary JDBC Driver");
    }
}
