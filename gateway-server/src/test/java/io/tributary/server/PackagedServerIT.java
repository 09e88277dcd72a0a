package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.metadata.testing.TestDatabase;
import io.tributary.server.testing.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged server exactly as a user runs it: {@code ./tributary start} on the artifact the build produced
 * (not the test class path), a real job end to end, a clean stop, and one clear line for every bad start.
 */
class PackagedServerIT {

    private static final Path ROOT = repositoryRoot();

    private Path dataDir;
    private int port;
    private int gatewayPort;
    private int flinkPort;

    @BeforeEach
    void freshDataDirectoryAndPorts() throws IOException {
        dataDir = Files.createTempDirectory("tributary-packaged-");
        port = FreePorts.next();
        gatewayPort = FreePorts.next();
        flinkPort = FreePorts.next();
    }

    @AfterEach
    void stopWhateverRuns() throws Exception {
        script(Map.of(), "stop");
    }

    @Test
    void startRunsAJobEndToEndAndStopLeavesNothingListening() throws Exception {
        Result start = script(Map.of(), "start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output())
                .contains("http://127.0.0.1:" + port + "/api/v1/info")
                .contains("jdbc:flink://127.0.0.1:" + gatewayPort)
                .contains("http://127.0.0.1:" + flinkPort);

        try (Connection connection = DriverManager.getConnection("jdbc:flink://127.0.0.1:" + gatewayPort);
                Statement statement = connection.createStatement()) {
            statement.execute("SET 'execution.runtime-mode' = 'batch'");
            statement.execute("CREATE TEMPORARY TABLE orders (id BIGINT, amount INT) WITH ('connector' = 'datagen',"
                    + " 'number-of-rows' = '500', 'fields.id.kind' = 'sequence', 'fields.id.start' = '1',"
                    + " 'fields.id.end' = '500', 'fields.amount.kind' = 'sequence', 'fields.amount.start' = '1',"
                    + " 'fields.amount.end' = '500')");
            try (ResultSet rows = statement.executeQuery(
                    "SELECT COUNT(DISTINCT id), SUM(CAST(amount AS BIGINT)) FROM orders WHERE amount > 0")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getLong(1)).isEqualTo(500);
                assertThat(rows.getLong(2)).isEqualTo(125_250);
            }
        }

        Result status = script(Map.of(), "status");
        assertThat(status.exitCode()).as(status.output()).isZero();
        assertThat(status.output()).contains("\"status\":\"UP\"");

        long pid = Long.parseLong(Files.readString(dataDir.resolve("tributary.pid")).trim());
        Result stop = script(Map.of(), "stop");
        assertThat(stop.exitCode()).as(stop.output()).isZero();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(FreePorts.isFree(port)).isTrue();
        assertThat(FreePorts.isFree(gatewayPort)).isTrue();
        assertThat(FreePorts.isFree(flinkPort)).isTrue();
        assertThat(Files.readString(dataDir.resolve("logs/tributary.log")))
                .contains("Closing").contains("Stopping the embedded Flink cluster");
    }

    /**
     * The embedded metadata database loses nothing the server answered for when the server is killed (SIGKILL, no
     * shutdown) right after: catalogs created a moment before the kill are there after the next start.
     */
    @Test
    void whatWasCommittedJustBeforeAKillSurvivesIt() throws Exception {
        Result start = script(Map.of(), "start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        List<String> created = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:flink://127.0.0.1:" + gatewayPort);
                Statement statement = connection.createStatement()) {
            for (int i = 0; i < 5; i++) {
                String name = "kept_" + i;
                statement.execute("CREATE CATALOG " + name + " WITH ('type' = 'generic_in_memory')");
                created.add(name);
            }
        }
        long pid = Long.parseLong(Files.readString(dataDir.resolve("tributary.pid")).trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();
        assertThat(server.destroyForcibly()).isTrue();
        server.onExit().get(60, TimeUnit.SECONDS);

        Result again = script(Map.of(), "start");
        assertThat(again.exitCode()).as(again.output()).isZero();
        List<String> catalogs = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:flink://127.0.0.1:" + gatewayPort);
                Statement statement = connection.createStatement()) {
            assertThat(statement.execute("SHOW CATALOGS")).isTrue();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    catalogs.add(rows.getString(1));
                }
            }
        }
        assertThat(catalogs).containsAll(created);
    }

    /**
     * A port in use is one line naming its setting; for the embedded cluster's port too, although the cluster starts
     * before the other beans (EarlyClusterStart).
     */
    @ParameterizedTest
    @ValueSource(strings = {"tributary.gateway.port (TRIBUTARY_GATEWAY_PORT)",
            "tributary.flink.port (TRIBUTARY_FLINK_PORT)"})
    void aPortInUseIsOneLineNamingItsSetting(String setting) throws Exception {
        int port = setting.contains("GATEWAY") ? gatewayPort : flinkPort;
        try (ServerSocket occupied = new ServerSocket()) {
            occupied.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            assertFailsWithOneLine(script(Map.of(), "start"), setting, "already in use");
        }
    }

    @Test
    void anUnknownSettingIsOneLineNamingIt() throws Exception {
        assertFailsWithOneLine(script(Map.of(), "start", "--tributary.flink.slotz=2"),
                "tributary.flink.slotz", "unknown setting");
    }

    @Test
    void aMalformedSettingIsOneLineNamingIt() throws Exception {
        assertFailsWithOneLine(script(Map.of(), "start", "--tributary.flink.slots=many"),
                "tributary.flink.slots", "malformed value 'many'");
        assertFailsWithOneLine(script(Map.of(), "start", "--tributary.flink.slots=0"),
                "tributary.flink.slots", "must be greater than or equal to 1");
    }

    @Test
    void anUnreachableMySqlIsOneLineNamingTheUrl() throws Exception {
        int closedPort = FreePorts.next();
        assertFailsWithOneLine(
                script(Map.of("TRIBUTARY_METADATA_URL", "jdbc:mysql://127.0.0.1:" + closedPort + "/tributary",
                        "TRIBUTARY_METADATA_USER", "root"), "start"),
                "tributary.metadata.url (TRIBUTARY_METADATA_URL)", "cannot reach the metadata database");
    }

    @Test
    void aWrongMySqlPasswordIsOneLineNamingTheCredentials() throws Exception {
        try (TestDatabase mariaDb = TestDatabase.mariaDb()) {
            assertFailsWithOneLine(
                    script(Map.of("TRIBUTARY_METADATA_URL", mariaDb.jdbcUrl(), "TRIBUTARY_METADATA_USER",
                            "tributary_nobody", "TRIBUTARY_METADATA_PASSWORD", "wrong"), "start"),
                    "tributary.metadata.user / tributary.metadata.password", "refused the login");
        }
    }

    private static void assertFailsWithOneLine(Result result, String setting, String reason) {
        assertThat(result.exitCode()).as(result.output()).isNotZero();
        List<String> errorLines = result.errors().lines().filter(line -> !line.isBlank()).toList();
        assertThat(errorLines).as(result.output()).hasSize(1);
        assertThat(errorLines.get(0)).startsWith("tributary: cannot start: " + setting).contains(reason);
    }

    private Result script(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("tributary").toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        Map<String, String> env = builder.environment();
        env.put("TRIBUTARY_SKIP_BUILD", "1");
        env.put("TRIBUTARY_DATA_DIR", dataDir.toString());
        env.put("TRIBUTARY_PORT", Integer.toString(port));
        env.put("TRIBUTARY_GATEWAY_PORT", Integer.toString(gatewayPort));
        env.put("TRIBUTARY_FLINK_PORT", Integer.toString(flinkPort));
        env.putAll(environment);
        Path out = Files.createTempFile(dataDir, "script-", ".out");
        Path err = Files.createTempFile(dataDir, "script-", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("./tributary " + String.join(" ", arguments) + " did not finish in 180 s");
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** The directory of the {@code tributary} script: the repository root, above this module. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tributary")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no tributary script above " + Path.of("").toAbsolutePath());
    }

    private record Result(int exitCode, String standardOutput, String errors) {
        String output() {
            return standardOutput + errors;
        }
    }
}
