package io.tributary.catalog.admin;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.ViewDefinition;
import java.util.Optional;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogView;

/**
 * What statement analysis sees outside any session: the views of the stored catalogs (through the
 * {@link CatalogBrowser}) and their default databases; no temporary objects. For the analysis API and for the
 * frozen statements of managed jobs, whose temporary objects are part of the analysed script.
 */
public final class StoredCatalogsSessionCatalog implements SessionCatalog {

    private final CatalogBrowser browser;

    public StoredCatalogsSessionCatalog(CatalogBrowser browser) {
        this.browser = requireNonNull(browser, "browser is null");
    }

    @Override
    public Optional<ViewDefinition> view(TablePath path) {
        Optional<CatalogBaseTable> object = browser.findObject(path.catalog(), path.database(), path.table());
        if (object.isPresent() && object.get() instanceof CatalogView view) {
            return Optional.of(new ViewDefinition(view.getExpandedQuery(),
                    new SessionScope(path.catalog(), path.database()), false));
        }
        return Optional.empty();
    }

    @Override
    public boolean isTemporaryTable(TablePath path) {
        return false;
    }

    @Override
    public Optional<String> defaultDatabase(String catalog) {
        return browser.defaultDatabase(catalog);
    }
}
