package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.ViewDefinition;
import java.util.Optional;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.CatalogView;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;

/**
 * What statement analysis sees of one gateway session: its temporary tables and views (which shadow permanent
 * objects of the same name, as in Flink), the views of its catalogs with their expanded queries, and the catalogs'
 * default databases — read from the session's own {@link CatalogManager}.
 */
final class GatewaySessionCatalog implements SessionCatalog {

    private final CatalogManager catalogs;

    GatewaySessionCatalog(CatalogManager catalogs) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
    }

    @Override
    public Optional<ViewDefinition> view(TablePath path) {
        ObjectIdentifier identifier = ObjectIdentifier.of(path.catalog(), path.database(), path.table());
        SessionScope scope = new SessionScope(path.catalog(), path.database());
        if (catalogs.isTemporaryTable(identifier)) {
            return catalogs.getTable(identifier)
                    .map(ContextResolvedTable::getResolvedTable)
                    .filter(CatalogView.class::isInstance)
                    .map(view -> new ViewDefinition(((CatalogView) view).getExpandedQuery(), scope, true));
        }
        Optional<Catalog> catalog = catalogs.getCatalog(path.catalog());
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        try {
            CatalogBaseTable object = catalog.get().getTable(new ObjectPath(path.database(), path.table()));
            return object instanceof CatalogView view
                    ? Optional.of(new ViewDefinition(view.getExpandedQuery(), scope, false))
                    : Optional.empty();
        } catch (TableNotExistException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean isTemporaryTable(TablePath path) {
        return catalogs.isTemporaryTable(ObjectIdentifier.of(path.catalog(), path.database(), path.table()));
    }

    @Override
    public Optional<String> defaultDatabase(String catalog) {
        return catalogs.getCatalog(catalog).map(Catalog::getDefaultDatabase);
    }
}
