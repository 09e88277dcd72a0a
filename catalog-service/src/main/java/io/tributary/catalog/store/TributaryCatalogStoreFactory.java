package io.tributary.catalog.store;

import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.catalog.CatalogStore;
import org.apache.flink.table.catalog.CommonCatalogOptions;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.factories.CatalogStoreFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * Lets Flink create the catalog store of each session from its configuration:
 * {@code table.catalog-store.kind: tributary} and {@code table.catalog-store.tributary.handle: <handle>}, the
 * handle of the stores the server registered in {@link CatalogStoreRegistry}. Found by Flink through
 * {@code META-INF/services/org.apache.flink.table.factories.Factory}.
 *
 * <p>The configuration carries no database credentials (clients can read a session's configuration): the store
 * behind the handle already holds its connection.
 */
public final class TributaryCatalogStoreFactory implements CatalogStoreFactory {

    /** The value of {@code table.catalog-store.kind} that selects this factory. */
    public static final String IDENTIFIER = "tributary";

    /** The handle of the registered stores, relative to {@code table.catalog-store.tributary.}. */
    public static final ConfigOption<String> HANDLE = ConfigOptions.key("handle")
            .stringType()
            .noDefaultValue()
            .withDescription("The handle under which the Tributary server registered its catalog stores at "
                    + "start-up (CatalogStoreRegistry). Set by the server; valid until it stops.");

    /** The full session configuration key of {@link #HANDLE}. */
    public static final String HANDLE_KEY =
            CommonCatalogOptions.TABLE_CATALOG_STORE_OPTION_PREFIX + IDENTIFIER + "." + HANDLE.key();

    private CatalogStoreFactory.Context context;
    private SessionCatalogStores stores;

    /** The session configuration that makes a session use the stores registered under {@code handle}. */
    public static Map<String, String> sessionConfiguration(String handle) {
        return Map.of(CommonCatalogOptions.TABLE_CATALOG_STORE_KIND.key(), IDENTIFIER, HANDLE_KEY, handle);
    }

    @Override
    public void open(CatalogStoreFactory.Context context) throws CatalogException {
        FactoryUtil.FactoryHelper<CatalogStoreFactory> helper =
                FactoryUtil.createCatalogStoreFactoryHelper(this, context);
        helper.validate();
        String handle = helper.getOptions().get(HANDLE);
        this.stores = CatalogStoreRegistry.lookup(handle)
                .orElseThrow(() -> new CatalogException(CatalogMessages.unknownHandle(HANDLE_KEY, handle)));
        this.context = context;
    }

    @Override
    public CatalogStore createCatalogStore() {
        if (stores == null) {
            throw new IllegalStateException("the catalog store factory is not open");
        }
        return stores.create(context);
    }

    @Override
    public void close() throws CatalogException {
        stores = null;
        context = null;
    }

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(HANDLE);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }
}
