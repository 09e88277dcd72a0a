package io.tributary.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tributary.catalog.secret.SecretCipher;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogDescriptor;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.types.Row;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Flink sessions (real TableEnvironments, each with the catalog store Flink creates from
 * {@code table.catalog-store.kind=tributary}) share their catalogs through the metadata database, on H2 and MariaDB.
 */
class DatabaseCatalogStoreIT {

    private static final String MASTER_KEY = "store-it master key, long enough";
    private static final SecretCipher CIPHER = new SecretCipher(MASTER_KEY);
    private static final SecretOptionPolicy POLICY = SecretOptionPolicy.defaults();
    private static final String PASSWORD = "pw-Flink-4471-secret";
    private static final String CREATE_C1 = "CREATE CATALOG c1 COMMENT 'the first' WITH ('type'='"
            + RecordingCatalogFactory.IDENTIFIER + "', 'url'='jdbc:mysql://db:3306', 'password'='" + PASSWORD + "')";
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void everySessionSeesACreatedCatalogAtOnce(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl());
                FlinkSession creator = server.session();
                FlinkSession alreadyOpen = server.session()) {
            creator.execute(CREATE_C1);

            assertThat(alreadyOpen.catalogs()).contains("c1", "default_catalog");
            alreadyOpen.execute("USE CATALOG c1");
            assertThat(alreadyOpen.execute("SHOW CURRENT CATALOG")).containsExactly(Row.of("c1"));
            assertThat(((RecordingCatalogFactory.RecordingCatalog) alreadyOpen.catalog("c1")).options())
                    .as("Flink opens the catalog with the password in clear")
                    .containsEntry("password", PASSWORD)
                    .containsEntry("url", "jdbc:mysql://db:3306");
            try (FlinkSession opensLater = server.session()) {
                assertThat(opensLater.catalogs()).contains("c1");
            }

            StoredCatalogDefinition stored = server.repository.get("c1").orElseThrow();
            assertThat(stored.definition().type()).isEqualTo(RecordingCatalogFactory.IDENTIFIER);
            assertThat(stored.definition().comment()).contains("the first");
            assertThat(stored.definition().secretKeys()).containsExactly("password");
            assertThat(database.dsl().resultQuery("SELECT option_value FROM catalog_option").fetch(0, String.class))
                    .hasSize(2)
                    .noneMatch(value -> value.contains(PASSWORD));
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void alterCatalogIsStoredAtOnceAndShownMasked(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl());
                FlinkSession first = server.session();
                FlinkSession second = server.session()) {
            first.execute(CREATE_C1);

            first.execute("ALTER CATALOG c1 SET ('k'='v', 'url'='jdbc:mysql://replica:3306')");
            assertThat(server.repository.get("c1").orElseThrow()).satisfies(stored -> {
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.definition().optionValues())
                        .containsEntry("k", "v")
                        .containsEntry("url", "jdbc:mysql://replica:3306")
                        .containsEntry("password", PASSWORD);
            });
            assertThat(second.describe("c1"))
                    .containsEntry("name", "c1")
                    .containsEntry("type", RecordingCatalogFactory.IDENTIFIER)
                    .containsEntry("comment", "the first")
                    .containsEntry("option:k", "v")
                    .containsEntry("option:password", CatalogDefinition.MASK);
            String showCreate = second.execute("SHOW CREATE CATALOG c1").get(0).getFieldAs(0);
            assertThat(showCreate).contains("'k' = 'v'", "'password' = '******'").doesNotContain(PASSWORD);

            second.execute("ALTER CATALOG c1 RESET ('k')");
            second.execute("ALTER CATALOG c1 COMMENT 'the first, altered'");
            assertThat(server.repository.get("c1").orElseThrow()).satisfies(stored -> {
                assertThat(stored.version()).isEqualTo(4);
                assertThat(stored.definition().optionValues()).doesNotContainKey("k").containsKey("password");
                assertThat(stored.definition().comment()).contains("the first, altered");
            });
            assertThat(first.describe("c1")).containsEntry("comment", "the first, altered")
                    .doesNotContainKey("option:k");
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void ofTwoConcurrentAltersTheLaterFails(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl());
                FlinkSession first = server.session();
                FlinkSession second = server.session()) {
            first.execute(CREATE_C1);

            // The first session's ALTER has read the catalog when the second session's ALTER commits.
            assertThatThrownBy(() -> first.environment().getCatalogManager().alterCatalog("c1", read -> {
                second.execute("ALTER CATALOG c1 SET ('by'='second')");
                Configuration changed = read.getConfiguration().clone();
                changed.setString("by", "first");
                return CatalogDescriptor.of("c1", changed, read.getComment().orElse(null));
            }))
                    .isInstanceOf(CatalogException.class)
                    .hasMessageContaining("catalog 'c1' was changed by another session at the same time");

            assertThat(server.repository.get("c1").orElseThrow()).satisfies(stored -> {
                assertThat(stored.version()).isEqualTo(2);
                assertThat(stored.definition().optionValues()).containsEntry("by", "second");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aFailedAlterChangesNothing(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl());
                FlinkSession first = server.session();
                FlinkSession second = server.session()) {
            first.execute(CREATE_C1);
            StoredCatalogDefinition before = server.repository.get("c1").orElseThrow();

            assertThatThrownBy(() -> first.execute("ALTER CATALOG c1 SET ('huge'='" + "x".repeat(9_000) + "')"))
                    .hasStackTraceContaining("the value of option 'huge' is longer than the 8192 characters");

            assertThat(server.repository.get("c1")).contains(before);

            // Flink creates the altered catalog, removes the old one, and fails to open the new one: with a store
            // that removed when told to, the catalog would be gone for every session.
            assertThatThrownBy(() -> first.execute("ALTER CATALOG c1 SET ('conf-dir'='/no/such/directory')"))
                    .hasStackTraceContaining("the configuration directory /no/such/directory does not exist");

            assertThat(server.repository.get("c1")).contains(before);
            assertThat(second.catalogs()).contains("c1");
            second.execute("USE CATALOG c1");
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void dropCatalogRemovesItFromTheStore(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl());
                FlinkSession first = server.session();
                FlinkSession second = server.session()) {
            first.execute(CREATE_C1);
            assertThat(second.catalogs()).contains("c1");

            first.execute("DROP CATALOG c1");

            assertThat(server.repository.contains("c1")).isFalse();
            assertThat(second.catalogs()).doesNotContain("c1");
            assertThat(database.dsl().fetchCount(DSL.table("catalog_option"))).isZero();
            assertThatThrownBy(() -> second.execute("DROP CATALOG c1")).hasStackTraceContaining("c1 does not exist");
            second.execute("DROP CATALOG IF EXISTS c1");
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void catalogsSurviveARestart(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            try (Server server = new Server(database.dsl()); FlinkSession session = server.session()) {
                session.execute(CREATE_C1);
                session.execute("CREATE CATALOG c2 WITH ('type'='generic_in_memory')");
            }
            database.dataSource().close();

            try (HikariDataSource reopened = new HikariDataSource();
                    Server restarted = new Server(reopen(reopened, database));
                    FlinkSession session = restarted.session()) {
                assertThat(session.catalogs()).contains("c1", "c2");
                session.execute("USE CATALOG c1");
                assertThat(((RecordingCatalogFactory.RecordingCatalog) session.catalog("c1")).options())
                        .containsEntry("password", PASSWORD);
                assertThat(session.describe("c1")).containsEntry("comment", "the first");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void ofTwoConcurrentCreatesOneWins(MetadataDatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl());
                FlinkSession left = server.session();
                FlinkSession right = server.session()) {
            for (int round = 0; round < 5; round++) {
                String name = "race" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> attempts = new ArrayList<>();
                for (FlinkSession session : List.of(left, right)) {
                    String creator = session == left ? "left" : "right";
                    attempts.add(THREADS.submit(() -> {
                        start.await();
                        try {
                            session.execute("CREATE CATALOG " + name + " WITH ('type'='"
                                    + RecordingCatalogFactory.IDENTIFIER + "', 'creator'='" + creator + "')");
                            return "won by " + creator;
                        } catch (RuntimeException e) {
                            return "lost: " + messages(e);
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> attempt : attempts) {
                    outcomes.add(attempt.get(60, TimeUnit.SECONDS));
                }

                assertThat(outcomes).as("round %s: %s", round, outcomes)
                        .filteredOn(outcome -> outcome.startsWith("won by ")).hasSize(1);
                assertThat(outcomes).filteredOn(outcome -> outcome.startsWith("lost: ")).singleElement()
                        .asString().containsPattern("(?i)catalog '?" + name + "'? already exists");
                String winner = outcomes.stream().filter(outcome -> outcome.startsWith("won by ")).findFirst()
                        .orElseThrow().substring("won by ".length());
                assertThat(server.repository.get(name).orElseThrow().definition().optionValues())
                        .containsEntry("creator", winner);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aCreateThatLosesOnThePrimaryKeySaysSo(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl())) {
            DatabaseCatalogStore store = new DatabaseCatalogStore(server.repository, POLICY,
                    new CatalogOpenCheck(new Configuration(), getClass().getClassLoader()));
            store.open();
            server.repository.insert(CatalogDefinition.of("c1", "generic_in_memory", Optional.empty(), Map.of(),
                    POLICY));

            assertThatThrownBy(() -> store.storeCatalog("c1", CatalogDescriptor.of("c1",
                    Configuration.fromMap(Map.of("type", "generic_in_memory")))))
                    .isInstanceOf(CatalogException.class)
                    .hasMessage("catalog 'c1' already exists (created concurrently by another session)");
            store.close();
            assertThatThrownBy(() -> store.contains("c1")).hasMessageContaining("closed");
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aCreateFlinkCannotOpenStoresNothing(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate();
                Server server = new Server(database.dsl());
                FlinkSession session = server.session()) {
            assertThatThrownBy(() -> session.execute("CREATE CATALOG bad WITH ('type'='generic_in_memory', "
                    + "'no-such-option'='x', 'password'='" + PASSWORD + "')"))
                    .hasStackTraceContaining("catalog 'bad' was not stored")
                    .hasStackTraceContaining("no-such-option")
                    .satisfies(e -> assertThat(ourError(e).getMessage()).doesNotContain(PASSWORD));
            assertThatThrownBy(() -> session.execute("CREATE CATALOG bad WITH ('type'='no_such_type')"))
                    .hasStackTraceContaining("catalog 'bad' was not stored")
                    .hasStackTraceContaining("no_such_type");
            assertThatThrownBy(() -> session.execute("CREATE CATALOG bad WITH ('default-database'='x')"))
                    .hasStackTraceContaining("catalog 'bad' has no 'type' option");
            assertThatThrownBy(() -> session.execute("CREATE CATALOG bad WITH ('type'='"
                    + RecordingCatalogFactory.IDENTIFIER + "', 'conf-dir'='/no/such/directory', 'password'='"
                    + PASSWORD + "')"))
                    .hasStackTraceContaining("catalog 'bad' was not stored: it cannot be opened: "
                            + "the configuration directory /no/such/directory does not exist");

            assertThat(server.repository.names()).isEmpty();
            assertThat(session.catalogs()).doesNotContain("bad");
        }
    }

    @Test
    void anUnknownHandleIsAClearError() {
        Map<String, String> configuration = TributaryCatalogStoreFactory.sessionConfiguration("not-registered");

        assertThatThrownBy(() -> new FlinkSession(configuration))
                .hasStackTraceContaining("no Tributary catalog store is registered in this process under "
                        + "table.catalog-store.tributary.handle='not-registered'");
        assertThatThrownBy(() -> new FlinkSession(Map.of("table.catalog-store.kind", "tributary")))
                .hasStackTraceContaining("handle");
    }

    /** What a server wires: a repository on its metadata database, registered for the sessions Flink opens. */
    private static final class Server implements AutoCloseable {

        private final CatalogDefinitionRepository repository;
        private final CatalogStoreRegistry.Registration registration;

        Server(DSLContext database) {
            this.repository = new CatalogDefinitionRepository(database, CIPHER);
            this.registration = CatalogStoreRegistry.register(DatabaseCatalogStore.forSessions(repository, POLICY));
        }

        FlinkSession session() {
            return new FlinkSession(TributaryCatalogStoreFactory.sessionConfiguration(registration.handle()));
        }

        @Override
        public void close() {
            registration.close();
        }
    }

    /** A new connection pool on the same database, as a restarted server opens it. */
    private static DSLContext reopen(HikariDataSource dataSource, TestDatabase database) {
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername(database.user());
        dataSource.setPassword(database.password());
        dataSource.setMaximumPoolSize(2);
        return DSL.using(dataSource, database.kind().dialect(),
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false));
    }

    /** The error the store raised (Flink wraps it in errors that repeat the statement, options included). */
    private static CatalogException ourError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CatalogException catalogError) {
                return catalogError;
            }
        }
        throw new AssertionError("no CatalogException in " + failure, failure);
    }

    private static String messages(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t.getMessage()).append(" | ");
        }
        return messages.toString();
    }
}
