package io.tributary.catalog.builtin;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.catalog.CommonCatalogOptions;

/** The options of a catalog of type {@code tributary}: {@code CREATE CATALOG c WITH ('type'='tributary', ...)}. */
public final class TributaryCatalogOptions {

    /** The factory identifier, the value of {@code 'type'}. */
    public static final String IDENTIFIER = "tributary";

    public static final ConfigOption<String> METADATA_HANDLE = ConfigOptions.key("metadata-handle")
            .stringType()
            .noDefaultValue()
            .withDescription("The handle under which the server registered the metadata database the catalog is "
                    + "kept in (BuiltinCatalogRegistry). Optional when the server registered exactly one, "
                    + "which it does: users leave it out.");

    public static final ConfigOption<String> DEFAULT_DATABASE = ConfigOptions
            .key(CommonCatalogOptions.DEFAULT_DATABASE_KEY)
            .stringType()
            .defaultValue("default")
            .withDescription("The database a session is in after USE CATALOG; created when the catalog is first "
                    + "opened if it does not exist.");

    private TributaryCatalogOptions() {}
}
