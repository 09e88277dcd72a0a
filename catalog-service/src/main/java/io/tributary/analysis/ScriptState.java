package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the statements of a script analysed so far mean for the ones after them: the scope after USE, the tables and
 * views they created, renamed or dropped, the catalogs they created; behind that, the session's catalogs. One per
 * analysis call, confined to its thread.
 */
final class ScriptState {

    /** The default database of Flink's in-memory, Hive and Iceberg catalogs when a catalog does not say. */
    static final String FLINK_DEFAULT_DATABASE = "default";
    private static final String DEFAULT_DATABASE_OPTION = "default-database";

    private final SessionCatalog catalog;
    private final Map<TablePath, TableObject> created = new HashMap<>();
    private final Map<TablePath, TableObject> looked = new HashMap<>();
    private final Map<String, String> createdCatalogs = new HashMap<>();
    private SessionScope scope;

    ScriptState(SessionCatalog catalog, SessionScope scope) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.scope = requireNonNull(scope, "scope is null");
    }

    SessionScope scope() {
        return scope;
    }

    /** What {@code path} is: what the script made of it, else what the session's catalogs say. */
    TableObject lookup(TablePath path) {
        TableObject local = created.get(path);
        if (local != null) {
            return local;
        }
        return looked.computeIfAbsent(path, this::lookupInCatalog);
    }

    private TableObject lookupInCatalog(TablePath path) {
        try {
            Optional<ViewDefinition> view = catalog.view(path);
            if (view.isPresent()) {
                return new TableObject.View(new TableObject.CatalogView(view.get()));
            }
            return catalog.isTemporaryTable(path) ? new TableObject.TemporaryTable() : new TableObject.Table();
        } catch (RuntimeException e) {
            throw new AnalysisProblem(
                    AnalysisErrorCode.CATALOG_LOOKUP_FAILED, AnalysisMessages.catalogLookupFailed(path.toString(), e), e);
        }
    }

    void useCatalog(String catalogName) {
        scope = scope.withCatalog(catalogName, defaultDatabase(catalogName));
    }

    void useDatabase(String catalogName, String database) {
        scope = scope.withCatalog(catalogName, database);
    }

    void createdCatalog(String catalogName, Optional<String> defaultDatabase) {
        createdCatalogs.put(catalogName, defaultDatabase.orElse(FLINK_DEFAULT_DATABASE));
    }

    static Optional<String> defaultDatabaseOption(Map<String, String> catalogOptions) {
        return Optional.ofNullable(catalogOptions.get(DEFAULT_DATABASE_OPTION));
    }

    void createdTable(TablePath path, boolean temporary) {
        created.put(path, temporary ? new TableObject.TemporaryTable() : new TableObject.Table());
    }

    void createdView(TablePath path, TableObject.ScriptView view) {
        created.put(path, new TableObject.View(view));
    }

    /** After a DROP, the name is nothing the script knows of; Flink will tell whether something is left there. */
    void dropped(TablePath path) {
        created.put(path, new TableObject.Table());
    }

    void renamed(TablePath from, TablePath to) {
        TableObject object = lookup(from);
        created.put(to, object);
        dropped(from);
    }

    private String defaultDatabase(String catalogName) {
        String local = createdCatalogs.get(catalogName);
        if (local != null) {
            return local;
        }
        try {
            return catalog.defaultDatabase(catalogName).orElse(FLINK_DEFAULT_DATABASE);
        } catch (RuntimeException e) {
            throw new AnalysisProblem(AnalysisErrorCode.CATALOG_LOOKUP_FAILED,
                    AnalysisMessages.catalogLookupFailed("catalog " + TablePath.quoted(catalogName), e), e);
        }
    }
}
