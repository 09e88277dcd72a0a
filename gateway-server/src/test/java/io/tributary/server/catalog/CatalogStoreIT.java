package io.tributary.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.server.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Catalogs created through the gateway are stored once in the metadata database: every open and new session sees
 * them, they survive a restart, and their credentials are encrypted at rest and never shown again.
 */
@ExtendWith(OutputCaptureExtension.class)
class CatalogStoreIT {

    private static final String PG_USER = "tributary_catalog_store_it";
    private static final String PG_PASSWORD = "pw-Zq81-secret";

    private static TestServer server;

    @BeforeAll
    static void start() throws SQLException {
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
                Statement statement = postgres.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + PG_USER);
            statement.execute("CREATE ROLE " + PG_USER + " LOGIN PASSWORD '" + PG_PASSWORD + "'");
        }
        server = TestServer.start();
    }

    @AfterAll
    static void stop() throws SQLException {
        server.close();
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", "");
                Statement statement = postgres.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS " + PG_USER);
        }
    }

    @Test
    void aCatalogCreatedInOneSessionIsSeenByEveryOpenAndNewSessionAndSurvivesARestart() throws Exception {
        try (Connection early = session(); Connection creator = session()) {
            assertThat(catalogs(early)).doesNotContain("shared_mem");
            execute(creator, "CREATE CATALOG shared_mem COMMENT 'for everyone' WITH ('type' = 'generic_in_memory')");
            assertThat(catalogs(early)).as("a session opened before the CREATE").contains("shared_mem");
            try (Connection late = session()) {
                assertThat(catalogs(late)).contains("shared_mem");
                execute(late, "USE CATALOG shared_mem");
            }
        }
        server.stop();
        server.startAgain();
        try (Connection afterRestart = session()) {
            assertThat(catalogs(afterRestart)).contains("shared_mem");
            execute(afterRestart, "DROP CATALOG shared_mem");
        }
        try (Connection another = session()) {
            assertThat(catalogs(another)).doesNotContain("shared_mem");
        }
    }

    @Test
    void aTableCreatedInTheDefaultCatalogIsSeenByEverySessionAndSurvivesARestart() throws Exception {
        try (Connection creator = session(); Connection other = session()) {
            assertThat(catalogs(creator)).contains("default_catalog");
            execute(creator, "CREATE TABLE persisted_numbers (k INT, PRIMARY KEY (k) NOT ENFORCED)"
                    + " COMMENT 'kept in the metadata database' WITH ('connector' = 'datagen',"
                    + " 'number-of-rows' = '5', 'fields.k.kind' = 'sequence', 'fields.k.start' = '1',"
                    + " 'fields.k.end' = '5')");
            assertThat(rows(other, "SHOW TABLES")).contains("persisted_numbers");
        }
        server.stop();
        server.startAgain();
        try (Connection afterRestart = session()) {
            assertThat(rows(afterRestart, "SHOW CREATE TABLE default_catalog.default_database.persisted_numbers"))
                    .contains("kept in the metadata database").contains("PRIMARY KEY");
            execute(afterRestart, "SET 'execution.runtime-mode' = 'batch'");
            assertThat(rows(afterRestart, "SELECT COUNT(*), SUM(k) FROM persisted_numbers").strip())
                    .isEqualTo("5 15");
            execute(afterRestart, "DROP TABLE persisted_numbers");
        }
    }

    @Test
    void concurrentCreatesOfOneNameHaveOneWinnerAndOneClearError() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<String> create = () -> {
                try (Connection connection = session()) {
                    execute(connection, "CREATE CATALOG raced WITH ('type' = 'generic_in_memory')");
                    return "created";
                } catch (SQLException | RuntimeException e) {
                    // Flink's JDBC driver reports some server errors unchecked.
                    return messages(e);
                }
            };
            List<String> outcomes = new ArrayList<>();
            for (Future<String> outcome : pool.invokeAll(List.of(create, create))) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(outcome -> !outcome.equals("created"))
                    .singleElement().asString().contains("raced").contains("already exists");
        } finally {
            pool.shutdownNow();
            try (Connection connection = session()) {
                execute(connection, "DROP CATALOG IF EXISTS raced");
            }
        }
    }

    @Test
    void credentialsAreEncryptedAtRestAndNeverShownAgain() throws Exception {
        try (Connection connection = session()) {
            execute(connection, "CREATE CATALOG pg_secret WITH ('type' = 'jdbc',"
                    + " 'base-url' = 'jdbc:postgresql://127.0.0.1:5432/', 'default-database' = 'postgres',"
                    + " 'username' = '" + PG_USER + "', 'password' = '" + PG_PASSWORD + "')");
            String described = rows(connection, "DESCRIBE CATALOG EXTENDED pg_secret");
            assertThat(described).contains("******").doesNotContain(PG_PASSWORD);
            String showCreate = rows(connection, "SHOW CREATE CATALOG pg_secret");
            assertThat(showCreate).contains("******").doesNotContain(PG_PASSWORD);
            execute(connection, "USE CATALOG pg_secret");
            assertThat(rows(connection, "SHOW DATABASES")).contains("postgres");
        }
        server.bean(org.jooq.DSLContext.class).execute("CHECKPOINT SYNC");
        assertThat(filesContaining(server.dataDir(), PG_PASSWORD)).as("files holding the password in clear").isEmpty();
        try (Connection connection = session()) {
            execute(connection, "DROP CATALOG pg_secret");
        }
    }

    @Test
    void aClientCannotChooseAnotherCatalogStore() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("table.catalog-store.kind", "generic_in_memory");
        try (Connection sneaky = DriverManager.getConnection(server.flinkJdbcUrl(), properties)) {
            execute(sneaky, "CREATE CATALOG still_shared WITH ('type' = 'generic_in_memory')");
        }
        try (Connection other = session()) {
            assertThat(catalogs(other)).contains("still_shared");
            execute(other, "DROP CATALOG still_shared");
        }
    }

    @Test
    void aFailedCreateShowsNeitherTheClientNorTheLogThePassword(CapturedOutput log) throws Exception {
        String canary = "canary-pw-9f3a1";
        int closedPort = io.tributary.server.testing.FreePorts.next();
        try (Connection connection = session()) {
            assertThatThrownBy(() -> execute(connection, "CREATE CATALOG leaky WITH ('type' = 'jdbc',"
                    + " 'base-url' = 'jdbc:postgresql://127.0.0.1:" + closedPort + "/',"
                    + " 'default-database' = 'postgres', 'username' = 'u', 'password' = '" + canary + "')"))
                    .satisfies(failure -> assertThat(messages(failure))
                            .contains("leaky").contains("******").doesNotContain(canary));
        }
        assertThat(log.getAll()).contains("leaky").doesNotContain(canary);
    }

    @Test
    void closingASessionDoesNotOpenTheCatalogsItNeverUsed(CapturedOutput log) throws Exception {
        try (Connection connection = session()) {
            execute(connection, "CREATE CATALOG pg_unused WITH ('type' = 'jdbc',"
                    + " 'base-url' = 'jdbc:postgresql://127.0.0.1:5432/', 'default-database' = 'postgres',"
                    + " 'username' = '" + PG_USER + "', 'password' = '" + PG_PASSWORD + "')");
        }
        try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = postgres.createStatement()) {
            // From now on, opening the catalog fails: a session that opened it would say so when it closes.
            statement.execute("ALTER ROLE " + PG_USER + " NOLOGIN");
        }
        try {
            int before = log.getAll().length();
            try (Connection unrelated = session()) {
                assertThat(rows(unrelated, "SELECT 1").strip()).isEqualTo("1");
            }
            Thread.sleep(500);
            // Flink's session close logs this for every catalog it could not open in order to close it.
            assertThat(log.getAll().substring(before)).doesNotContain("Failed to close catalog");
        } finally {
            try (Connection postgres = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                    "postgres", ""); Statement statement = postgres.createStatement()) {
                statement.execute("ALTER ROLE " + PG_USER + " LOGIN");
            }
            try (Connection connection = session()) {
                execute(connection, "DROP CATALOG pg_unused");
            }
        }
    }

    @Test
    void aCatalogThatCannotBeOpenedIsNotStored() throws Exception {
        try (Connection connection = session()) {
            int closedPort = io.tributary.server.testing.FreePorts.next();
            assertThatThrownBy(() -> execute(connection, "CREATE CATALOG broken WITH ('type' = 'jdbc',"
                    + " 'base-url' = 'jdbc:postgresql://127.0.0.1:" + closedPort + "/',"
                    + " 'default-database' = 'postgres', 'username' = '" + PG_USER + "', 'password' = 'x')"))
                    .satisfies(failure -> assertThat(messages(failure)).contains("127.0.0.1:" + closedPort));
            assertThat(catalogs(connection)).doesNotContain("broken");
        }
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    private static Connection session() throws SQLException {
        return DriverManager.getConnection(server.flinkJdbcUrl());
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> catalogs(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SHOW CATALOGS");
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private static String rows(Connection connection, String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            ResultSet rows = statement.getResultSet();
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    // Flink's JDBC driver cannot getString a BIGINT: read objects.
                    text.append(rows.getObject(i)).append(' ');
                }
                text.append('\n');
            }
        }
        return text.toString();
    }

    private static List<Path> filesContaining(Path directory, String text) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                try {
                    return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(text);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        }
    }
}
