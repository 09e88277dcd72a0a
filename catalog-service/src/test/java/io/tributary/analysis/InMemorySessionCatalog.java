package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link SessionCatalog} held in memory, for tests: views, temporary tables and catalogs' default databases.
 * Immutable; every {@code with...} returns a new catalog.
 */
final class InMemorySessionCatalog implements SessionCatalog {

    private final Map<TablePath, ViewDefinition> views;
    private final Set<TablePath> temporaryTables;
    private final Map<String, String> defaultDatabases;

    private InMemorySessionCatalog(
            Map<TablePath, ViewDefinition> views, Set<TablePath> temporaryTables, Map<String, String> defaultDatabases) {
        this.views = Map.copyOf(views);
        this.temporaryTables = Set.copyOf(temporaryTables);
        this.defaultDatabases = Map.copyOf(defaultDatabases);
    }

    static InMemorySessionCatalog empty() {
        return new InMemorySessionCatalog(Map.of(), Set.of(), Map.of());
    }

    /** A view at {@code path} ("catalog.database.name") whose query's names resolve in {@code scope}. */
    InMemorySessionCatalog withView(String path, String query, SessionScope scope) {
        return withView(path, new ViewDefinition(query, scope, false));
    }

    InMemorySessionCatalog withTemporaryView(String path, String query, SessionScope scope) {
        return withView(path, new ViewDefinition(query, scope, true));
    }

    InMemorySessionCatalog withTemporaryTable(String path) {
        Set<TablePath> tables = new HashSet<>(temporaryTables);
        tables.add(path(path));
        return new InMemorySessionCatalog(views, tables, defaultDatabases);
    }

    InMemorySessionCatalog withCatalog(String catalog, String defaultDatabase) {
        Map<String, String> catalogs = new HashMap<>(defaultDatabases);
        catalogs.put(requireNonNull(catalog, "catalog is null"), requireNonNull(defaultDatabase, "defaultDatabase is null"));
        return new InMemorySessionCatalog(views, temporaryTables, catalogs);
    }

    @Override
    public Optional<ViewDefinition> view(TablePath path) {
        return Optional.ofNullable(views.get(path));
    }

    @Override
    public boolean isTemporaryTable(TablePath path) {
        return temporaryTables.contains(path);
    }

    @Override
    public Optional<String> defaultDatabase(String catalog) {
        return Optional.ofNullable(defaultDatabases.get(catalog));
    }

    private InMemorySessionCatalog withView(String path, ViewDefinition definition) {
        Map<TablePath, ViewDefinition> more = new HashMap<>(views);
        more.put(path(path), definition);
        return new InMemorySessionCatalog(more, temporaryTables, defaultDatabases);
    }

    private static TablePath path(String dotted) {
        String[] parts = dotted.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not catalog.database.name: " + dotted);
        }
        return new TablePath(parts[0], parts[1], parts[2]);
    }
}
