package io.tributary.catalog.builtin;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.factories.CatalogFactory;
import org.apache.flink.table.factories.FactoryUtil;

/**
 * Creates catalogs of type {@code tributary} ({@code CREATE CATALOG c WITH ('type'='tributary')}), kept in the
 * metadata database that the server registered in {@link BuiltinCatalogRegistry}. With no
 * {@code 'metadata-handle'} option the single registered database is used, so users never name one; with none or
 * several registered, the option is required and its absence is a clear error.
 */
public final class TributaryCatalogFactory implements CatalogFactory {

    @Override
    public String factoryIdentifier() {
        return TributaryCatalogOptions.IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(TributaryCatalogOptions.METADATA_HANDLE, TributaryCatalogOptions.DEFAULT_DATABASE);
    }

    @Override
    public Catalog createCatalog(Context context) {
        FactoryUtil.CatalogFactoryHelper helper = FactoryUtil.createCatalogFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        Optional<String> handle = options.getOptional(TributaryCatalogOptions.METADATA_HANDLE);
        return new TributaryCatalog(context.getName(), options.get(TributaryCatalogOptions.DEFAULT_DATABASE),
                BuiltinCatalogRegistry.resolve(handle), Clock.systemUTC());
    }
}
