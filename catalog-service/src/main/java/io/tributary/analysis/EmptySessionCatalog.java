package io.tributary.analysis;

import java.util.Optional;

/** A session that knows no views, temporary tables or catalogs: every name is a table. */
enum EmptySessionCatalog implements SessionCatalog {
    INSTANCE;

    @Override
    public Optional<ViewDefinition> view(TablePath path) {
        return Optional.empty();
    }

    @Override
    public boolean isTemporaryTable(TablePath path) {
        return false;
    }

    @Override
    public Optional<String> defaultDatabase(String catalog) {
        return Optional.empty();
    }
}
