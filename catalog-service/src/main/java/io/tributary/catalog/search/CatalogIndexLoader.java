package io.tributary.catalog.search;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import io.tributary.catalog.admin.CatalogBrowser;
import io.tributary.catalog.admin.CatalogObjectNotFoundException;
import io.tributary.catalog.admin.TableDetails;
import io.tributary.catalog.admin.TableSummary;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import io.tributary.catalog.store.CatalogNotFoundException;
import io.tributary.catalog.store.StoredCatalogDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the metadata index holds from the stored catalogs, through Flink's Catalog API (the
 * {@link CatalogBrowser}): every database, table and view of a catalog, or one table.
 */
public final class CatalogIndexLoader {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogIndexLoader.class);
    private static final String CONNECTOR = "connector";

    private final CatalogDefinitionRepository catalogs;
    private final CatalogBrowser browser;

    public CatalogIndexLoader(CatalogDefinitionRepository catalogs, CatalogBrowser browser) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
        this.browser = requireNonNull(browser, "browser is null");
    }

    /** The names of the stored catalogs. */
    public Set<String> catalogNames() {
        return catalogs.names();
    }

    /**
     * Every table and view of a catalog, or empty when the catalog is not stored. A table that cannot be read is
     * left out (and logged); a catalog that cannot be opened or listed fails the whole read.
     */
    public Optional<List<IndexedTable>> readCatalog(String catalogName) {
        Optional<StoredCatalogDefinition> stored = catalogs.get(catalogName);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String catalogType = stored.get().definition().type();
        List<IndexedTable> tables = new ArrayList<>();
        try {
            for (String database : browser.databases(catalogName)) {
                List<TableSummary> summaries;
                try {
                    summaries = browser.tables(catalogName, database);
                } catch (CatalogObjectNotFoundException droppedMeanwhile) {
                    continue;
                }
                for (TableSummary summary : summaries) {
                    readTable(catalogName, database, summary.name(), catalogType).ifPresent(tables::add);
                }
            }
        } catch (CatalogNotFoundException droppedMeanwhile) {
            return Optional.empty();
        }
        return Optional.of(tables);
    }

    /** One table or view as its catalog has it now, or empty when it (or its catalog) does not exist. */
    public Optional<IndexedTable> readTable(TablePath path) {
        Optional<StoredCatalogDefinition> stored = catalogs.get(path.catalog());
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        return readTable(path.catalog(), path.database(), path.table(), stored.get().definition().type());
    }

    /**
     * A data type as SQL spells it: a type of a table's unresolved schema prints in brackets, and the longest
     * strings and byte strings as VARCHAR/VARBINARY of their maximum length.
     */
    static String typeName(String type) {
        String name = type.startsWith("[") && type.endsWith("]") ? type.substring(1, type.length() - 1) : type;
        return name.replace("VARCHAR(2147483647)", "STRING").replace("VARBINARY(2147483647)", "BYTES");
    }

    private Optional<IndexedTable> readTable(String catalog, String database, String table, String catalogType) {
        TableDetails details;
        try {
            details = browser.table(catalog, database, table);
        } catch (CatalogObjectNotFoundException | CatalogNotFoundException gone) {
            return Optional.empty();
        } catch (RuntimeException unreadable) {
            LOG.warn("Table {}.{}.{} is left out of the metadata index: {}", catalog, database, table,
                    unreadable.toString());
            return Optional.empty();
        }
        List<IndexedColumn> columns = details.columns().stream()
                .map(column -> new IndexedColumn(column.name(),
                        column.type() == null ? column.kind() : typeName(column.type()),
                        Optional.ofNullable(column.comment())))
                .toList();
        IndexedTable.ObjectKind kind = "VIEW".equals(details.kind())
                ? IndexedTable.ObjectKind.VIEW : IndexedTable.ObjectKind.TABLE;
        String connector = details.options().getOrDefault(CONNECTOR, kind == IndexedTable.ObjectKind.VIEW
                ? null : catalogType);
        return Optional.of(new IndexedTable(new TablePath(catalog, database, table), kind,
                Optional.ofNullable(details.comment()), Optional.ofNullable(connector), columns));
    }
}
