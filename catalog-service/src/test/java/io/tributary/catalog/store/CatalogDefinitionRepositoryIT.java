package io.tributary.catalog.store;

import static io.tributary.metadata.schema.Tables.CATALOG_OPTION;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.secret.SecretCipher;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jooq.Record3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Catalog definitions round-trip, change atomically, win or lose races and keep secrets, on H2 and MariaDB. */
class CatalogDefinitionRepositoryIT {

    private static final String MASTER_KEY = "repository-it master key, long enough";
    private static final SecretCipher CIPHER = new SecretCipher(MASTER_KEY);
    private static final SecretOptionPolicy POLICY = SecretOptionPolicy.defaults();
    private static final String PASSWORD = "pw-Zq81-never-in-clear";
    private static final String LONG_VALUE = "-----BEGIN CERTIFICATE-----" + "M".repeat(6_000) + "-----END-----";
    private static final ExecutorService THREADS = Executors.newFixedThreadPool(2);

    @AfterAll
    static void stopThreads() {
        THREADS.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void storesReadsListsAndDeletes(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:15:30.123Z"), ZoneOffset.UTC);
            CatalogDefinitionRepository repository = new CatalogDefinitionRepository(database.dsl(), CIPHER, clock);
            CatalogDefinition orders = jdbc("orders", "orders in Postgres");
            CatalogDefinition lake = CatalogDefinition.of("lake", "generic_in_memory", Optional.empty(), Map.of(),
                    POLICY);

            StoredCatalogDefinition stored = repository.insert(orders);
            repository.insert(lake);

            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.createdAt()).isEqualTo(clock.instant()).isEqualTo(stored.updatedAt());
            assertThat(repository.get("orders")).contains(stored);
            assertThat(repository.get("orders").orElseThrow().definition().options())
                    .containsEntry("password", OptionValue.ofSecret(PASSWORD))
                    .containsEntry("ssl.certificate", OptionValue.plain(LONG_VALUE));
            assertThat(repository.get("lake").orElseThrow().definition()).isEqualTo(lake);
            assertThat(repository.get("missing")).isEmpty();
            assertThat(repository.list()).extracting(StoredCatalogDefinition::name).containsExactly("lake", "orders");
            assertThat(repository.names()).containsExactly("lake", "orders");
            assertThat(repository.contains("orders")).isTrue();
            assertThat(repository.contains("Orders")).as("names are case-sensitive").isFalse();

            assertThat(repository.delete("orders")).isTrue();
            assertThat(repository.delete("orders")).isFalse();
            assertThat(repository.names()).containsExactly("lake");
            assertThat(database.dsl().fetchCount(CATALOG_OPTION, CATALOG_OPTION.CATALOG_NAME.eq("orders"))).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void updatesDefinitionAndOptionsTogether(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            CatalogDefinitionRepository repository = new CatalogDefinitionRepository(database.dsl(), CIPHER);
            StoredCatalogDefinition created = repository.insert(jdbc("orders", "first"));
            CatalogDefinition changed = CatalogDefinition.of("orders", "jdbc", Optional.of("second"),
                    Map.of("base-url", "jdbc:postgresql://replica:5432", "token", "tk-2"), POLICY);

            StoredCatalogDefinition updated = repository.update(changed, created.version());

            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.createdAt()).isEqualTo(created.createdAt());
            assertThat(repository.get("orders")).contains(updated);
            assertThat(repository.get("orders").orElseThrow().definition().options())
                    .containsOnlyKeys("base-url", "token");

            assertThatThrownBy(() -> repository.update(jdbc("orders", "stale"), created.version()))
                    .isInstanceOfSatisfying(CatalogChangedConcurrentlyException.class, e -> assertThat(e.error())
                            .isEqualTo(CatalogDefinitionError.CATALOG_CHANGED_CONCURRENTLY))
                    .hasMessageContaining("catalog 'orders' was changed by another session");
            assertThatThrownBy(() -> repository.update(jdbc("missing", null), 1))
                    .isInstanceOfSatisfying(CatalogNotFoundException.class, e -> assertThat(e.error())
                            .isEqualTo(CatalogDefinitionError.CATALOG_NOT_FOUND));
            assertThat(repository.get("orders")).contains(updated);
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aFailedChangeLeavesNothingHalfWritten(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            CatalogDefinitionRepository repository = new CatalogDefinitionRepository(database.dsl(), CIPHER);
            StoredCatalogDefinition before = repository.insert(jdbc("orders", "before"));
            // The definition row is updated and the old options deleted before the database refuses the last
            // option (too long for its column): the transaction must undo both.
            CatalogDefinition tooLong = CatalogDefinition.of("orders", "jdbc", Optional.of("after"),
                    Map.of("a-first", "fits", "zz-last", "x".repeat(9_000)), POLICY);

            assertThatThrownBy(() -> repository.update(tooLong, before.version()))
                    .isInstanceOfSatisfying(CatalogDefinitionException.class, e -> assertThat(e.error())
                            .isEqualTo(CatalogDefinitionError.INVALID_CATALOG_DEFINITION))
                    .hasMessageContaining("the value of option 'zz-last' is longer than the 8192 characters");
            assertThat(repository.get("orders")).contains(before);
            assertThat(database.dsl().fetchCount(CATALOG_OPTION, CATALOG_OPTION.CATALOG_NAME.eq("orders")))
                    .isEqualTo(before.definition().options().size());

            // A secret grows when encrypted: one that fits in clear may not fit once encrypted.
            CatalogDefinition tooLongSecret = CatalogDefinition.of("keys", "jdbc", Optional.empty(),
                    Map.of("url", "fits", "private-key", "k".repeat(7_000)), POLICY);
            assertThatThrownBy(() -> repository.insert(tooLongSecret))
                    .isInstanceOf(CatalogDefinitionException.class)
                    .hasMessageContaining("option 'private-key' once encrypted")
                    .hasMessageNotContaining("kkkk");
            assertThat(repository.contains("keys")).isFalse();
            assertThat(database.dsl().fetchCount(CATALOG_OPTION, CATALOG_OPTION.CATALOG_NAME.eq("keys"))).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aDuplicateNameIsRefused(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            CatalogDefinitionRepository repository = new CatalogDefinitionRepository(database.dsl(), CIPHER);
            StoredCatalogDefinition first = repository.insert(jdbc("orders", "first"));

            assertThatThrownBy(() -> repository.insert(jdbc("orders", "second")))
                    .isInstanceOfSatisfying(CatalogAlreadyExistsException.class, e -> assertThat(e.error())
                            .isEqualTo(CatalogDefinitionError.CATALOG_ALREADY_EXISTS))
                    .hasMessage("catalog 'orders' already exists");
            assertThat(repository.get("orders")).contains(first);
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void ofTwoConcurrentCreatesOneWins(MetadataDatabaseKind kind) throws Exception {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            CatalogDefinitionRepository repository = new CatalogDefinitionRepository(database.dsl(), CIPHER);
            for (int round = 0; round < 20; round++) {
                String name = "race_" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<String>> attempts = new ArrayList<>();
                for (String creator : List.of("left", "right")) {
                    CatalogDefinition definition = CatalogDefinition.of(name, "generic_in_memory",
                            Optional.of(creator), Map.of("creator", creator, "password", PASSWORD), POLICY);
                    attempts.add(THREADS.submit(() -> {
                        start.await();
                        try {
                            repository.insert(definition);
                            return "won by " + creator;
                        } catch (CatalogAlreadyExistsException e) {
                            return "lost";
                        }
                    }));
                }
                start.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<String> attempt : attempts) {
                    outcomes.add(attempt.get(30, TimeUnit.SECONDS));
                }

                assertThat(outcomes).as("round %s", round).containsOnlyOnce("lost").hasSize(2);
                String winner = outcomes.stream().filter(outcome -> outcome.startsWith("won by ")).findFirst()
                        .orElseThrow().substring("won by ".length());
                CatalogDefinition stored = repository.get(name).orElseThrow().definition();
                assertThat(stored.comment()).contains(winner);
                assertThat(stored.optionValues()).containsEntry("creator", winner).hasSize(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void secretsAreNeverStoredInClear(MetadataDatabaseKind kind) throws IOException {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            CatalogDefinitionRepository repository = new CatalogDefinitionRepository(database.dsl(), CIPHER);
            repository.insert(jdbc("orders", "orders"));

            List<Record3<String, String, Boolean>> rows = database.dsl()
                    .select(CATALOG_OPTION.OPTION_KEY, CATALOG_OPTION.OPTION_VALUE, CATALOG_OPTION.ENCRYPTED)
                    .from(CATALOG_OPTION)
                    .fetch();
            assertThat(rows).extracting(Record3::value2).noneMatch(value -> value.contains(PASSWORD));
            assertThat(rows).filteredOn(row -> row.value1().equals("password")).singleElement().satisfies(row -> {
                assertThat(row.value3()).isTrue();
                assertThat(row.value2()).startsWith(SecretCipher.VERSION_PREFIX);
            });
            assertThat(rows).filteredOn(row -> row.value1().equals("username")).singleElement()
                    .satisfies(row -> assertThat(row.value3()).isFalse());
            assertThat(repository.get("orders").orElseThrow().definition().masked().optionValues())
                    .containsEntry("password", CatalogDefinition.MASK)
                    .containsEntry("username", "reader-with-a-distinct-name");

            if (kind == MetadataDatabaseKind.H2) {
                // The files of the embedded database, written out: the plain options are there, the password not.
                database.dsl().execute("CHECKPOINT SYNC");
                String files = readAll(Path.of(database.jdbcUrl().substring("jdbc:h2:file:".length())).getParent());
                assertThat(files).contains("reader-with-a-distinct-name").doesNotContain(PASSWORD);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void anotherMasterKeyFailsClearly(MetadataDatabaseKind kind) {
        try (TestDatabase database = TestDatabase.create(kind).migrate()) {
            new CatalogDefinitionRepository(database.dsl(), CIPHER).insert(jdbc("orders", null));
            CatalogDefinitionRepository otherKey = new CatalogDefinitionRepository(database.dsl(),
                    new SecretCipher("a different master key altogether"));

            assertThatThrownBy(() -> otherKey.get("orders"))
                    .isInstanceOfSatisfying(CatalogDefinitionException.class, e -> assertThat(e.error())
                            .isEqualTo(CatalogDefinitionError.SECRET_UNREADABLE))
                    .hasMessageContaining("the secret option 'password' of catalog 'orders' cannot be decrypted")
                    .hasMessageContaining("master key")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(otherKey.names()).as("names and existence need no key").containsExactly("orders");
        }
    }

    private static CatalogDefinition jdbc(String name, String comment) {
        return CatalogDefinition.of(name, "jdbc", Optional.ofNullable(comment), Map.of(
                "base-url", "jdbc:postgresql://db:5432",
                "default-database", "orders",
                "username", "reader-with-a-distinct-name",
                "password", PASSWORD,
                "ssl.certificate", LONG_VALUE), POLICY);
    }

    private static String readAll(Path directory) throws IOException {
        StringBuilder contents = new StringBuilder();
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                contents.append(new String(Files.readAllBytes(file), UTF_8));
            }
        }
        return contents.toString();
    }
}
