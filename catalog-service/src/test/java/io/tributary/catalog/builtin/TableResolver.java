package io.tributary.catalog.builtin;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;

/**
 * Resolves tables, views and materialized tables the way Flink's planner does before it hands them to a catalog
 * (SQL expressions of computed columns and watermarks included), with a real table environment's catalog manager.
 */
final class TableResolver {

    private final CatalogManager catalogManager;

    TableResolver() {
        TableEnvironment environment = TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        this.catalogManager = ((TableEnvironmentImpl) environment).getCatalogManager();
    }

    @SuppressWarnings("unchecked")
    <T extends ResolvedCatalogBaseTable<?>> T resolve(CatalogBaseTable table) {
        return (T) catalogManager.resolveCatalogBaseTable(table);
    }
}
