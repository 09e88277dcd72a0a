package io.tributary.catalog.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.table.catalog.GenericInMemoryCatalogStore;
import org.junit.jupiter.api.Test;

class CatalogStoreRegistryTest {

    @Test
    void findsARegistrationUntilItIsClosed() {
        SessionCatalogStores stores = session -> new GenericInMemoryCatalogStore();
        CatalogStoreRegistry.Registration registration = CatalogStoreRegistry.register(stores);

        assertThat(CatalogStoreRegistry.lookup(registration.handle())).containsSame(stores);

        registration.close();
        assertThat(CatalogStoreRegistry.lookup(registration.handle())).isEmpty();
        registration.close();
        assertThat(CatalogStoreRegistry.lookup(registration.handle())).isEmpty();
    }

    @Test
    void handlesAreLongRandomAndDistinct() {
        SessionCatalogStores stores = session -> new GenericInMemoryCatalogStore();
        try (CatalogStoreRegistry.Registration first = CatalogStoreRegistry.register(stores);
                CatalogStoreRegistry.Registration second = CatalogStoreRegistry.register(stores)) {
            assertThat(first.handle()).hasSize(32).matches("[A-Za-z0-9_-]+");
            assertThat(second.handle()).isNotEqualTo(first.handle());
            assertThat(CatalogStoreRegistry.lookup(second.handle())).containsSame(stores);
        }
    }

    @Test
    void unknownHandlesFindNothing() {
        assertThat(CatalogStoreRegistry.lookup("default")).isEmpty();
        assertThat(CatalogStoreRegistry.lookup("")).isEmpty();
    }
}
