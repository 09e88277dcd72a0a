package io.tributary.catalog.store;

import static io.tributary.metadata.schema.Tables.CATALOG_DEFINITION;
import static io.tributary.metadata.schema.Tables.CATALOG_OPTION;
import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretCipher;
import io.tributary.catalog.secret.SecretDecryptionException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * Stores {@link CatalogDefinition}s in the metadata database: one row per catalog, one per option, credentials
 * encrypted with the {@link SecretCipher}.
 *
 * <p>Every change is one transaction, so a definition and its options change together or not at all. The primary
 * key decides between two creates of one name (the loser gets {@link CatalogAlreadyExistsException}); the version
 * decides between two changes of one catalog (the loser gets {@link CatalogChangedConcurrentlyException}). The
 * database enforces the column sizes (mysql-connector-j runs its sessions with STRICT_TRANS_TABLES while
 * {@code jdbcCompliantTruncation} is on, its default), and a value it refuses as too long is reported by name.
 */
public final class CatalogDefinitionRepository {

    /** Column sizes in V2__catalog_definitions.sql, used only to say which part was too long. */
    static final int MAX_NAME_LENGTH = 255;
    static final int MAX_TYPE_LENGTH = 128;
    static final int MAX_COMMENT_LENGTH = 2048;
    static final int MAX_OPTION_KEY_LENGTH = 255;
    static final int MAX_OPTION_VALUE_LENGTH = 8192;

    private static final long FIRST_VERSION = 1;

    private final DSLContext database;
    private final SecretCipher cipher;
    private final Clock clock;

    public CatalogDefinitionRepository(DSLContext database, SecretCipher cipher) {
        this(database, cipher, Clock.systemUTC());
    }

    public CatalogDefinitionRepository(DSLContext database, SecretCipher cipher, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Stores a new catalog at version 1; a catalog of that name must not exist. */
    public StoredCatalogDefinition insert(CatalogDefinition definition) {
        requireNonNull(definition, "definition is null");
        List<OptionRow> rows = optionRows(definition);
        long now = clock.millis();
        try {
            database.transaction(configuration -> {
                DSLContext transaction = configuration.dsl();
                transaction.insertInto(CATALOG_DEFINITION)
                        .set(CATALOG_DEFINITION.NAME, definition.name())
                        .set(CATALOG_DEFINITION.CATALOG_TYPE, definition.type())
                        .set(CATALOG_DEFINITION.CATALOG_COMMENT, definition.comment().orElse(null))
                        .set(CATALOG_DEFINITION.CREATED_AT, now)
                        .set(CATALOG_DEFINITION.UPDATED_AT, now)
                        .set(CATALOG_DEFINITION.VERSION, FIRST_VERSION)
                        .execute();
                insertOptions(transaction, definition.name(), rows);
            });
        } catch (DataAccessException e) {
            if (DatabaseErrors.isDuplicateKey(e)) {
                throw new CatalogAlreadyExistsException(definition.name(), e);
            }
            throw rejected(definition, rows, e);
        }
        return new StoredCatalogDefinition(definition, Instant.ofEpochMilli(now), Instant.ofEpochMilli(now),
                FIRST_VERSION);
    }

    /**
     * Replaces the type, comment and options of a catalog with those of {@code definition}, if the catalog is
     * still at {@code expectedVersion}; all of it or nothing.
     *
     * @throws CatalogNotFoundException if the catalog does not exist
     * @throws CatalogChangedConcurrentlyException if it is at another version
     */
    public StoredCatalogDefinition update(CatalogDefinition definition, long expectedVersion) {
        requireNonNull(definition, "definition is null");
        String name = definition.name();
        List<OptionRow> rows = optionRows(definition);
        long now = clock.millis();
        long createdAt;
        try {
            createdAt = database.transactionResult(configuration -> {
                DSLContext transaction = configuration.dsl();
                int changed = transaction.update(CATALOG_DEFINITION)
                        .set(CATALOG_DEFINITION.CATALOG_TYPE, definition.type())
                        .set(CATALOG_DEFINITION.CATALOG_COMMENT, definition.comment().orElse(null))
                        .set(CATALOG_DEFINITION.UPDATED_AT, now)
                        .set(CATALOG_DEFINITION.VERSION, expectedVersion + 1)
                        .where(CATALOG_DEFINITION.NAME.eq(name))
                        .and(CATALOG_DEFINITION.VERSION.eq(expectedVersion))
                        .execute();
                if (changed != 1) {
                    throw notAtVersion(transaction, name, expectedVersion);
                }
                transaction.deleteFrom(CATALOG_OPTION).where(CATALOG_OPTION.CATALOG_NAME.eq(name)).execute();
                insertOptions(transaction, name, rows);
                return transaction.select(CATALOG_DEFINITION.CREATED_AT)
                        .from(CATALOG_DEFINITION)
                        .where(CATALOG_DEFINITION.NAME.eq(name))
                        .fetchSingle(CATALOG_DEFINITION.CREATED_AT);
            });
        } catch (DataAccessException e) {
            throw rejected(definition, rows, e);
        }
        return new StoredCatalogDefinition(definition, Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(now),
                expectedVersion + 1);
    }

    /** Removes a catalog and its options; false when there was none of that name. */
    public boolean delete(String name) {
        requireNonNull(name, "name is null");
        return database.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.deleteFrom(CATALOG_OPTION).where(CATALOG_OPTION.CATALOG_NAME.eq(name)).execute();
            return transaction.deleteFrom(CATALOG_DEFINITION).where(CATALOG_DEFINITION.NAME.eq(name)).execute() == 1;
        });
    }

    /** The catalog of that name, credentials decrypted. */
    public Optional<StoredCatalogDefinition> get(String name) {
        requireNonNull(name, "name is null");
        return read(CATALOG_DEFINITION.NAME.eq(name)).stream().findFirst();
    }

    /** Every catalog, by name, credentials decrypted. */
    public List<StoredCatalogDefinition> list() {
        return read(DSL.noCondition());
    }

    /** The names of all catalogs, sorted. */
    public Set<String> names() {
        return Collections.unmodifiableSet(new TreeSet<>(
                database.select(CATALOG_DEFINITION.NAME).from(CATALOG_DEFINITION).fetchSet(CATALOG_DEFINITION.NAME)));
    }

    public boolean contains(String name) {
        requireNonNull(name, "name is null");
        return database.fetchExists(CATALOG_DEFINITION, CATALOG_DEFINITION.NAME.eq(name));
    }

    /** One statement (a join), so a definition is never read with the options of another version of it. */
    private List<StoredCatalogDefinition> read(Condition condition) {
        Map<String, DefinitionRows> byName = new TreeMap<>();
        database.select(CATALOG_DEFINITION.NAME, CATALOG_DEFINITION.CATALOG_TYPE, CATALOG_DEFINITION.CATALOG_COMMENT,
                        CATALOG_DEFINITION.CREATED_AT, CATALOG_DEFINITION.UPDATED_AT, CATALOG_DEFINITION.VERSION,
                        CATALOG_OPTION.OPTION_KEY, CATALOG_OPTION.OPTION_VALUE, CATALOG_OPTION.ENCRYPTED)
                .from(CATALOG_DEFINITION)
                .leftJoin(CATALOG_OPTION).on(CATALOG_OPTION.CATALOG_NAME.eq(CATALOG_DEFINITION.NAME))
                .where(condition)
                .forEach(row -> byName.computeIfAbsent(row.get(CATALOG_DEFINITION.NAME),
                        ignored -> new DefinitionRows(row)).addOption(row));
        return byName.values().stream().map(DefinitionRows::toStored).toList();
    }

    private OptionValue readOption(String name, String key, String stored, boolean encrypted) {
        if (!encrypted) {
            return OptionValue.plain(stored);
        }
        try {
            return OptionValue.ofSecret(cipher.decrypt(stored, encryptionContext(name, key)));
        } catch (SecretDecryptionException e) {
            throw new CatalogDefinitionException(CatalogDefinitionError.SECRET_UNREADABLE,
                    CatalogMessages.secretUnreadable(name, key, e.getMessage()), e);
        }
    }

    private List<OptionRow> optionRows(CatalogDefinition definition) {
        List<OptionRow> rows = new ArrayList<>();
        definition.options().forEach((key, value) -> rows.add(value.secret()
                ? new OptionRow(key, cipher.encrypt(value.value(), encryptionContext(definition.name(), key)), true)
                : new OptionRow(key, value.value(), false)));
        return rows;
    }

    private static void insertOptions(DSLContext transaction, String name, List<OptionRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        InsertValuesStep4<?, String, String, String, Boolean> insert = transaction.insertInto(CATALOG_OPTION,
                CATALOG_OPTION.CATALOG_NAME, CATALOG_OPTION.OPTION_KEY, CATALOG_OPTION.OPTION_VALUE,
                CATALOG_OPTION.ENCRYPTED);
        for (OptionRow row : rows) {
            insert = insert.values(name, row.key(), row.storedValue(), row.encrypted());
        }
        insert.execute();
    }

    /** Inside a transaction whose conditional update changed nothing: says whether the catalog is gone or newer. */
    private static CatalogDefinitionException notAtVersion(DSLContext transaction, String name, long expected) {
        Long current = transaction.select(CATALOG_DEFINITION.VERSION)
                .from(CATALOG_DEFINITION)
                .where(CATALOG_DEFINITION.NAME.eq(name))
                .fetchOne(CATALOG_DEFINITION.VERSION);
        return current == null
                ? new CatalogNotFoundException(name)
                : new CatalogChangedConcurrentlyException(name, expected, current);
    }

    /** A database failure while writing, as a clear error when the database refused a value as too long. */
    private static RuntimeException rejected(CatalogDefinition definition, List<OptionRow> rows,
            DataAccessException failure) {
        if (!DatabaseErrors.isValueTooLong(failure)) {
            return failure;
        }
        String name = definition.name();
        String message = CatalogMessages.rejectedByDatabase(name, "a value is too long");
        if (longer(name, MAX_NAME_LENGTH)) {
            message = CatalogMessages.tooLong(name, "the name", MAX_NAME_LENGTH);
        } else if (longer(definition.type(), MAX_TYPE_LENGTH)) {
            message = CatalogMessages.tooLong(name, "the type", MAX_TYPE_LENGTH);
        } else if (longer(definition.comment().orElse(""), MAX_COMMENT_LENGTH)) {
            message = CatalogMessages.tooLong(name, "the comment", MAX_COMMENT_LENGTH);
        } else {
            for (OptionRow row : rows) {
                if (longer(row.key(), MAX_OPTION_KEY_LENGTH)) {
                    message = CatalogMessages.tooLong(name, "an option key", MAX_OPTION_KEY_LENGTH);
                    break;
                }
                if (longer(row.storedValue(), MAX_OPTION_VALUE_LENGTH)) {
                    message = CatalogMessages.tooLong(name, row.encrypted()
                            ? "the value of option '" + row.key() + "' once encrypted (about 4/3 of its length)"
                            : "the value of option '" + row.key() + "'", MAX_OPTION_VALUE_LENGTH);
                    break;
                }
            }
        }
        return new CatalogDefinitionException(CatalogDefinitionError.INVALID_CATALOG_DEFINITION, message, failure);
    }

    private static boolean longer(String text, int limit) {
        return text.codePointCount(0, text.length()) > limit;
    }

    /** What an encrypted option is bound to: its catalog and key (NUL cannot occur in either, in practice). */
    private static String encryptionContext(String catalogName, String optionKey) {
        return "catalog-option\u0000" + catalogName + "\u0000" + optionKey;
    }

    /** An option as stored: its value in clear, or encrypted. */
    private record OptionRow(String key, String storedValue, boolean encrypted) {}

    /** The joined rows of one catalog, gathered into its definition. */
    private final class DefinitionRows {
        private final Record definition;
        private final Map<String, OptionValue> options = new TreeMap<>();

        DefinitionRows(Record definition) {
            this.definition = definition;
        }

        DefinitionRows addOption(Record row) {
            String key = row.get(CATALOG_OPTION.OPTION_KEY);
            if (key != null) {
                options.put(key, readOption(row.get(CATALOG_DEFINITION.NAME), key,
                        row.get(CATALOG_OPTION.OPTION_VALUE), row.get(CATALOG_OPTION.ENCRYPTED)));
            }
            return this;
        }

        StoredCatalogDefinition toStored() {
            CatalogDefinition value = new CatalogDefinition(
                    definition.get(CATALOG_DEFINITION.NAME),
                    definition.get(CATALOG_DEFINITION.CATALOG_TYPE),
                    Optional.ofNullable(definition.get(CATALOG_DEFINITION.CATALOG_COMMENT)),
                    options);
            return new StoredCatalogDefinition(value,
                    Instant.ofEpochMilli(definition.get(CATALOG_DEFINITION.CREATED_AT)),
                    Instant.ofEpochMilli(definition.get(CATALOG_DEFINITION.UPDATED_AT)),
                    definition.get(CATALOG_DEFINITION.VERSION));
        }
    }
}
