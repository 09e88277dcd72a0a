package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretOptionPolicy;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogDescriptor;
import org.apache.flink.table.catalog.CatalogStore;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog store of one Flink session (Flink's {@link CatalogStore}, FLIP-295), backed by the metadata
 * database: {@code CREATE}, {@code ALTER} and {@code DROP CATALOG} from any client are stored at once, and every
 * session, open or new, on this server or another one on the same database, sees them.
 *
 * <p>Every call goes to the database; nothing is cached, so nothing goes stale between sessions. Two things go
 * beyond the letter of the {@link CatalogStore} contract, for the calls Flink 1.20 makes (see
 * {@link FlinkCatalogStatement}): {@code ALTER CATALOG} becomes one conditional update (the catalog never vanishes
 * for other sessions, a failure changes nothing, and of two concurrent changes the later one fails), and
 * {@code DESCRIBE CATALOG} / {@code SHOW CREATE CATALOG} get credentials masked. A new catalog is checked with
 * {@link CatalogOpenCheck} before it is stored. Errors reach Flink as {@link CatalogException}s whose message
 * says what happened.
 */
public final class DatabaseCatalogStore implements CatalogStore {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseCatalogStore.class);

    private final CatalogDefinitionRepository repository;
    private final SecretOptionPolicy policy;
    private final CatalogOpenCheck openCheck;
    /**
     * The version of the catalog each running ALTER CATALOG of this session read (Flink reads and stores on one
     * thread); the update it ends with must find the catalog still at that version.
     */
    private final Map<AlterRead, Long> versionsReadByAlter = new ConcurrentHashMap<>();
    private volatile boolean open;

    public DatabaseCatalogStore(
            CatalogDefinitionRepository repository, SecretOptionPolicy policy, CatalogOpenCheck openCheck) {
        this.repository = requireNonNull(repository, "repository is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.openCheck = requireNonNull(openCheck, "openCheck is null");
    }

    /**
     * The stores of all sessions of a server, sharing its repository and secret policy: what the server registers
     * in {@link CatalogStoreRegistry}.
     */
    public static SessionCatalogStores forSessions(CatalogDefinitionRepository repository, SecretOptionPolicy policy) {
        requireNonNull(repository, "repository is null");
        requireNonNull(policy, "policy is null");
        return session -> new DatabaseCatalogStore(repository, policy,
                new CatalogOpenCheck(session.getConfiguration(), session.getClassLoader()));
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public void close() {
        open = false;
        versionsReadByAlter.clear();
    }

    @Override
    public void storeCatalog(String catalogName, CatalogDescriptor descriptor) {
        requireNonNull(catalogName, "catalogName is null");
        requireNonNull(descriptor, "descriptor is null");
        checkOpen();
        CatalogDefinition definition = toDefinition(catalogName, descriptor);
        if (FlinkCatalogStatement.current() == FlinkCatalogStatement.ALTER_CATALOG) {
            StoredCatalogDefinition stored = call("alter", catalogName, () -> replace(definition));
            LOG.info("Catalog {} altered (version {})", catalogName, stored.version());
        } else {
            call("create", catalogName, () -> {
                openCheck.check(definition);
                return repository.insert(definition);
            });
            LOG.info("Catalog {} created, of type {}", catalogName, definition.type());
        }
    }

    @Override
    public void removeCatalog(String catalogName, boolean ignoreIfNotExists) {
        requireNonNull(catalogName, "catalogName is null");
        checkOpen();
        if (FlinkCatalogStatement.current() == FlinkCatalogStatement.ALTER_CATALOG) {
            // Flink removes the catalog before it stores the altered one: storeCatalog replaces it in one update.
            if (!ignoreIfNotExists && !call("read", catalogName, () -> repository.contains(catalogName))) {
                throw new CatalogException(CatalogMessages.notFound(catalogName));
            }
            return;
        }
        boolean deleted = call("drop", catalogName, () -> repository.delete(catalogName));
        if (deleted) {
            LOG.info("Catalog {} dropped", catalogName);
        } else if (!ignoreIfNotExists) {
            throw new CatalogException(CatalogMessages.notFound(catalogName));
        }
    }

    @Override
    public Optional<CatalogDescriptor> getCatalog(String catalogName) {
        requireNonNull(catalogName, "catalogName is null");
        checkOpen();
        FlinkCatalogStatement statement = FlinkCatalogStatement.current();
        if (statement == FlinkCatalogStatement.SESSION_CLOSE) {
            // Not opened by this session (those are closed without asking the store): nothing to close.
            return Optional.empty();
        }
        Optional<StoredCatalogDefinition> stored = call("read", catalogName, () -> repository.get(catalogName));
        if (statement == FlinkCatalogStatement.ALTER_CATALOG) {
            stored.ifPresent(found -> versionsReadByAlter.put(AlterRead.of(catalogName), found.version()));
        }
        return stored.map(StoredCatalogDefinition::definition)
                .map(definition -> statement == FlinkCatalogStatement.SHOW_CATALOG ? definition.masked() : definition)
                .map(DatabaseCatalogStore::toDescriptor);
    }

    @Override
    public Set<String> listCatalogs() {
        checkOpen();
        return call("list", null, repository::names);
    }

    @Override
    public boolean contains(String catalogName) {
        requireNonNull(catalogName, "catalogName is null");
        checkOpen();
        return call("read", catalogName, () -> repository.contains(catalogName));
    }

    /** The update an ALTER CATALOG makes, based on the version its read saw. */
    private StoredCatalogDefinition replace(CatalogDefinition definition) {
        Long versionRead = versionsReadByAlter.remove(AlterRead.of(definition.name()));
        long expectedVersion = versionRead != null
                ? versionRead
                : repository.get(definition.name())
                        .orElseThrow(() -> new CatalogNotFoundException(definition.name()))
                        .version();
        return repository.update(definition, expectedVersion);
    }

    private CatalogDefinition toDefinition(String catalogName, CatalogDescriptor descriptor) {
        Map<String, String> options = new HashMap<>(descriptor.getConfiguration().toMap());
        String type = options.remove(CatalogDefinition.TYPE_OPTION);
        if (type == null || type.isBlank()) {
            throw new CatalogException(CatalogMessages.missingType(catalogName));
        }
        return CatalogDefinition.of(catalogName, type, descriptor.getComment(), options, policy);
    }

    /** The descriptor Flink opens a catalog from: every option, {@code type} included. */
    static CatalogDescriptor toDescriptor(CatalogDefinition definition) {
        Map<String, String> options = new HashMap<>(definition.optionValues());
        options.put(CatalogDefinition.TYPE_OPTION, definition.type());
        Configuration configuration = Configuration.fromMap(options);
        return definition.comment()
                .map(comment -> CatalogDescriptor.of(definition.name(), configuration, comment))
                .orElseGet(() -> CatalogDescriptor.of(definition.name(), configuration));
    }

    /** One ALTER CATALOG's read: the catalog, on the thread that runs the statement. */
    private record AlterRead(String catalogName, long threadId) {
        static AlterRead of(String catalogName) {
            return new AlterRead(catalogName, Thread.currentThread().getId());
        }
    }

    private void checkOpen() {
        if (!open) {
            throw new CatalogException(CatalogMessages.storeClosed());
        }
    }

    /** Runs one repository call, its failures turned into the {@link CatalogException}s Flink reports. */
    private static <T> T call(String action, String catalogName, Supplier<T> repositoryCall) {
        try {
            return repositoryCall.get();
        } catch (CatalogAlreadyExistsException e) {
            throw new CatalogException(CatalogMessages.createdConcurrently(catalogName), e);
        } catch (CatalogDefinitionException e) {
            throw new CatalogException(e.getMessage(), e);
        } catch (DataAccessException e) {
            throw new CatalogException(CatalogMessages.metadataDatabaseFailure(action, catalogName), e);
        }
    }
}
