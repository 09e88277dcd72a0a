package io.tributary.catalog.store;

import org.apache.flink.table.catalog.CatalogStore;
import org.apache.flink.table.factories.CatalogStoreFactory;

/**
 * Makes the catalog store of each new Flink session. The server registers one in {@link CatalogStoreRegistry};
 * {@link TributaryCatalogStoreFactory} asks it for the store of every session Flink opens.
 */
@FunctionalInterface
public interface SessionCatalogStores {

    /** A new store for one session; {@code session} carries its configuration and class loader. */
    CatalogStore create(CatalogStoreFactory.Context session);
}
