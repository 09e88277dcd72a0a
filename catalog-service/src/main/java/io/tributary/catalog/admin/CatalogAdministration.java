package io.tributary.catalog.admin;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.store.CatalogDefinition;
import io.tributary.catalog.store.CatalogDefinitionError;
import io.tributary.catalog.store.CatalogDefinitionException;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import io.tributary.catalog.store.CatalogNotFoundException;
import io.tributary.catalog.store.CatalogOpenCheck;
import io.tributary.catalog.store.StoredCatalogDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The management API's door to the catalog store — the same store {@code CREATE/ALTER/DROP CATALOG} use in every
 * session. A catalog is stored only once Flink has opened it; a change is applied only to the version it was
 * based on; the default catalog of the sessions cannot be dropped.
 */
public final class CatalogAdministration {

    private final CatalogDefinitionRepository repository;
    private final SecretOptionPolicy policy;
    private final CatalogOpenCheck openCheck;
    private final Set<String> protectedNames;

    public CatalogAdministration(CatalogDefinitionRepository repository, SecretOptionPolicy policy,
            CatalogOpenCheck openCheck, Set<String> protectedNames) {
        this.repository = requireNonNull(repository, "repository is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.openCheck = requireNonNull(openCheck, "openCheck is null");
        this.protectedNames = Set.copyOf(protectedNames);
    }

    public List<StoredCatalogDefinition> list() {
        return repository.list();
    }

    public StoredCatalogDefinition get(String name) {
        return repository.get(name).orElseThrow(() -> new CatalogNotFoundException(name));
    }

    /** Checks that Flink can open the catalog, without storing anything. */
    public void test(String name, String type, Map<String, String> options) {
        openCheck.check(definition(name, type, Optional.empty(), options));
    }

    public StoredCatalogDefinition create(String name, String type, Optional<String> comment,
            Map<String, String> options) {
        CatalogDefinition definition = definition(name, type, comment, options);
        openCheck.check(definition);
        return repository.insert(definition);
    }

    public StoredCatalogDefinition alter(String name, CatalogChange change) {
        StoredCatalogDefinition stored = get(name);
        long version = change.expectedVersion().orElse(stored.version());
        CatalogDefinition current = stored.definition();
        if (change.set().containsKey(CatalogDefinition.TYPE_OPTION) || change.reset().contains(
                CatalogDefinition.TYPE_OPTION)) {
            throw invalid("the type of catalog '" + name + "' cannot change; drop it and create it again");
        }
        Map<String, String> options = new TreeMap<>(current.optionValues());
        change.reset().forEach(options::remove);
        options.putAll(change.set());
        CatalogDefinition next = CatalogDefinition.of(name, current.type(),
                change.comment().isPresent() ? change.comment().filter(text -> !text.isBlank()) : current.comment(),
                options, policy);
        openCheck.check(next);
        return repository.update(next, version);
    }

    public void drop(String name) {
        if (protectedNames.contains(name)) {
            throw new CatalogDefinitionException(CatalogDefinitionError.INVALID_CATALOG_DEFINITION,
                    "catalog '" + name + "' is the default catalog of every session and cannot be dropped");
        }
        if (!repository.delete(name)) {
            throw new CatalogNotFoundException(name);
        }
    }

    private CatalogDefinition definition(String name, String type, Optional<String> comment,
            Map<String, String> options) {
        if (name == null || name.isBlank()) {
            throw invalid("name: a catalog needs a name");
        }
        Map<String, String> values = new TreeMap<>(options == null ? Map.of() : options);
        String catalogType = type == null || type.isBlank() ? values.get(CatalogDefinition.TYPE_OPTION) : type;
        values.remove(CatalogDefinition.TYPE_OPTION);
        if (catalogType == null || catalogType.isBlank()) {
            throw invalid("type: catalog '" + name + "' needs a type, e.g. jdbc, hive, iceberg, tributary");
        }
        return CatalogDefinition.of(name.strip(), catalogType.strip(), comment.filter(text -> !text.isBlank()),
                values, policy);
    }

    private static CatalogDefinitionException invalid(String message) {
        return new CatalogDefinitionException(CatalogDefinitionError.INVALID_CATALOG_DEFINITION, message);
    }
}
