package io.tributary.catalog.store;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.factories.CatalogFactory;

/**
 * A catalog type for tests, {@code 'type'='tributary_recording'}: Flink's in-memory catalog that, like a catalog
 * with credentials, accepts any option (a password among them), and keeps the options it was created with so a
 * test can see exactly what Flink opened it from. Like Hive's catalog with its {@code hive-conf-dir}, it opens only
 * when the directory named by its option {@code conf-dir}, if given, exists.
 */
public final class RecordingCatalogFactory implements CatalogFactory {

    public static final String IDENTIFIER = "tributary_recording";
    public static final String CONF_DIR = "conf-dir";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public Catalog createCatalog(CatalogFactory.Context context) {
        return new RecordingCatalog(context.getName(), context.getOptions());
    }

    /** The catalog, with the options it was created from. */
    public static final class RecordingCatalog extends GenericInMemoryCatalog {

        private final Map<String, String> options;

        RecordingCatalog(String name, Map<String, String> options) {
            super(name);
            this.options = Map.copyOf(requireNonNull(options, "options is null"));
        }

        public Map<String, String> options() {
            return options;
        }

        @Override
        public void open() {
            String directory = options.get(CONF_DIR);
            if (directory != null && !Files.isDirectory(Path.of(directory))) {
                throw new CatalogException("the configuration directory " + directory + " does not exist");
            }
            super.open();
        }
    }
}
