package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.testing.FreePorts;
import io.tributary.server.testing.TestServer;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Flink's own clients, unchanged, against a real Tributary server: its JDBC driver and its sql-client. */
class FlinkClientsIT {

    /** 1,000 rows with k = 1..1000, deterministic (a sequence), bounded. */
    private static final String DATAGEN_TABLE = "CREATE TEMPORARY TABLE numbers (k INT, name STRING) WITH ("
            + "'connector' = 'datagen', 'number-of-rows' = '1000', "
            + "'fields.k.kind' = 'sequence', 'fields.k.start' = '1', 'fields.k.end' = '1000', "
            + "'fields.name.length' = '4')";

    private static TestServer server;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void flinkJdbcDriverRunsSelectOne() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT 1")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(1);
            assertThat(rows.next()).isFalse();
        }
    }

    @Test
    void flinkJdbcDriverRunsABoundedDatagenAggregation() throws Exception {
        try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl());
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute(DATAGEN_TABLE);
            try (ResultSet totals = statement.executeQuery(
                    "SELECT COUNT(*), SUM(CAST(k AS BIGINT)), MIN(k), MAX(k) FROM numbers")) {
                assertThat(totals.next()).isTrue();
                assertThat(totals.getLong(1)).isEqualTo(1000);
                assertThat(totals.getLong(2)).isEqualTo(500_500);
                assertThat(totals.getInt(3)).isEqualTo(1);
                assertThat(totals.getInt(4)).isEqualTo(1000);
            }
            try (ResultSet groups = statement.executeQuery(
                    "SELECT MOD(k, 4) AS r, COUNT(*) AS n FROM numbers GROUP BY MOD(k, 4)")) {
                TreeMap<Integer, Long> counts = new TreeMap<>();
                while (groups.next()) {
                    counts.put(groups.getInt("r"), groups.getLong("n"));
                }
                assertThat(counts).containsExactly(
                        java.util.Map.entry(0, 250L), java.util.Map.entry(1, 250L),
                        java.util.Map.entry(2, 250L), java.util.Map.entry(3, 250L));
            }
        }
    }

    @Test
    void aSessionTargetsAnotherClusterThroughItsProperties() throws Exception {
        int otherPort = FreePorts.next();
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.ADDRESS, "127.0.0.1");
        configuration.set(RestOptions.PORT, otherPort);
        try (MiniCluster other = new MiniCluster(new MiniClusterConfiguration.Builder()
                .setConfiguration(configuration).setNumTaskManagers(1).setNumSlotsPerTaskManager(1).build())) {
            other.start();
            Properties sessionProperties = new Properties();
            sessionProperties.setProperty("rest.port", Integer.toString(otherPort));
            try (Connection connection = DriverManager.getConnection(server.flinkJdbcUrl(), sessionProperties);
                    Statement statement = connection.createStatement()) {
                statement.execute("SET 'execution.runtime-mode' = 'batch'");
                statement.execute("SET 'pipeline.name' = 'runs-on-the-other-cluster'");
                try (ResultSet rows = statement.executeQuery("SELECT 40 + 2")) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getInt(1)).isEqualTo(42);
                }
            }
            assertThat(jobNames(otherPort)).contains("runs-on-the-other-cluster");
            assertThat(jobNames(server.flinkPort())).doesNotContain("runs-on-the-other-cluster");
        }
    }

    @Test
    void flinkSqlClientRunsAScriptAgainstTheGateway() throws Exception {
        Path work = Files.createTempDirectory("sql-client-");
        Files.writeString(work.resolve("config.yaml"), "");
        Path script = work.resolve("script.sql");
        Files.writeString(script, String.join("\n",
                "SET 'sql-client.execution.result-mode' = 'tableau';",
                "SET 'execution.runtime-mode' = 'batch';",
                DATAGEN_TABLE + ";",
                "CREATE TEMPORARY VIEW evens AS SELECT k FROM numbers WHERE MOD(k, 2) = 0;",
                "SHOW TABLES;",
                "SELECT COUNT(*) AS evens_count, SUM(CAST(k AS BIGINT)) AS evens_sum FROM evens;",
                ""));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(List.of(System.getProperty("flink.jvm.options", "").split(" ")).stream()
                .filter(option -> !option.isBlank()).toList());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "org.apache.flink.table.client.SqlClient", "gateway",
                "--endpoint", server.gatewayUrl(), "-f", script.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("FLINK_CONF_DIR", work.toString());
        File output = work.resolve("output.txt").toFile();
        Process client = builder.redirectOutput(output).start();
        assertThat(client.waitFor(180, TimeUnit.SECONDS)).as("sql-client finished").isTrue();
        String printed = Files.readString(output.toPath(), StandardCharsets.UTF_8);
        assertThat(client.exitValue()).as(printed).isZero();
        assertThat(printed).contains("numbers").contains("evens");
        assertThat(printed).containsPattern("\\|\\s+500\\s+\\|\\s+250500\\s+\\|");
        assertThat(printed).doesNotContainIgnoringCase("[ERROR]");
    }

    private static String jobNames(int flinkPort) throws Exception {
        HttpResponse<String> overview = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + flinkPort + "/jobs/overview")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(overview.statusCode()).isEqualTo(200);
        return overview.body();
    }
}
