package io.tributary.server.catalog;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.builtin.TributaryCatalogOptions;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.store.CatalogAlreadyExistsException;
import io.tributary.catalog.store.CatalogDefinition;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the persistent built-in catalog the default catalog of every session. Flink's gateway creates a
 * session's default catalog ({@code table.builtin-catalog-name}, {@code default_catalog}) from the catalog store
 * when the store has it; so the store always has it, as a catalog of type {@code tributary}. A CREATE TABLE in
 * the default catalog is then stored in the metadata database and seen by every session.
 */
final class DefaultCatalog {

    static final String NAME = "default_catalog";
    /** Flink's own default database name, so that sessions start where Flink users expect. */
    static final String DEFAULT_DATABASE = "default_database";

    private static final Logger LOG = LoggerFactory.getLogger(DefaultCatalog.class);

    private DefaultCatalog() {}

    static void ensureStored(CatalogDefinitionRepository repository, SecretOptionPolicy policy) {
        requireNonNull(repository, "repository is null");
        if (repository.contains(NAME)) {
            return;
        }
        try {
            repository.insert(CatalogDefinition.of(NAME, TributaryCatalogOptions.IDENTIFIER,
                    Optional.of("The default catalog of every session, kept in Tributary's metadata database"),
                    Map.of(TributaryCatalogOptions.DEFAULT_DATABASE.key(), DEFAULT_DATABASE), policy));
            LOG.info("Stored the default catalog '{}' (type {}) in the catalog store", NAME,
                    TributaryCatalogOptions.IDENTIFIER);
        } catch (CatalogAlreadyExistsException anotherInstanceWasFirst) {
            LOG.debug("Another server stored the default catalog first");
        }
    }
}
