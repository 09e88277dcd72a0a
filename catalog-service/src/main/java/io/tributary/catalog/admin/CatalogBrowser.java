package io.tributary.catalog.admin;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.store.CatalogDefinition;
import io.tributary.catalog.store.CatalogDefinitionRepository;
import io.tributary.catalog.store.CatalogNotFoundException;
import io.tributary.catalog.store.StoredCatalogDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.catalog.Catalog;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.AbstractDataType;
import org.apache.flink.table.types.DataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Browses the stored catalogs for the management API: databases, tables and views, columns. Each catalog is
 * opened once and kept open until it changes (its version moves on) or the server stops.
 */
public final class CatalogBrowser implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogBrowser.class);

    private final CatalogDefinitionRepository repository;
    private final SecretOptionPolicy policy;
    private final ReadableConfig configuration;
    private final ClassLoader classLoader;
    private final Map<String, OpenCatalog> open = new ConcurrentHashMap<>();

    public CatalogBrowser(CatalogDefinitionRepository repository, SecretOptionPolicy policy,
            ReadableConfig configuration, ClassLoader classLoader) {
        this.repository = requireNonNull(repository, "repository is null");
        this.policy = requireNonNull(policy, "policy is null");
        this.configuration = requireNonNull(configuration, "configuration is null");
        this.classLoader = requireNonNull(classLoader, "classLoader is null");
    }

    private record OpenCatalog(long version, Catalog catalog) {}

    public List<String> databases(String catalogName) {
        return catalog(catalogName).listDatabases().stream().sorted().toList();
    }

    public List<TableSummary> tables(String catalogName, String database) {
        Catalog catalog = catalog(catalogName);
        try {
            Set<String> views = Set.copyOf(catalog.listViews(database));
            List<TableSummary> tables = new ArrayList<>();
            for (String name : catalog.listTables(database).stream().sorted().toList()) {
                tables.add(new TableSummary(name, views.contains(name) ? "VIEW" : "TABLE"));
            }
            return tables;
        } catch (DatabaseNotExistException e) {
            throw new CatalogObjectNotFoundException("catalog '" + catalogName + "' has no database '" + database
                    + "'");
        }
    }

    public TableDetails table(String catalogName, String database, String table) {
        Catalog catalog = catalog(catalogName);
        CatalogBaseTable base;
        try {
            base = catalog.getTable(new ObjectPath(database, table));
        } catch (TableNotExistException e) {
            throw new CatalogObjectNotFoundException("catalog '" + catalogName + "' has no table '" + database + "."
                    + table + "'");
        }
        Schema schema = base.getUnresolvedSchema();
        List<String> primaryKey = schema.getPrimaryKey().map(Schema.UnresolvedPrimaryKey::getColumnNames)
                .orElse(List.of());
        List<TableDetails.Column> columns = new ArrayList<>();
        for (Schema.UnresolvedColumn column : schema.getColumns()) {
            columns.add(column(column, primaryKey.contains(column.getName())));
        }
        List<String> partitionKeys = base instanceof CatalogTable catalogTable && catalogTable.isPartitioned()
                ? catalogTable.getPartitionKeys() : List.of();
        List<String> watermarks = schema.getWatermarkSpecs().stream()
                .map(spec -> spec.getColumnName() + " AS " + spec.getWatermarkExpression().asSummaryString())
                .toList();
        Map<String, String> options = new TreeMap<>();
        String connector = base.getOptions().getOrDefault("connector", catalogName);
        base.getOptions().forEach((key, value) ->
                options.put(key, policy.isSecret(connector, key) ? CatalogDefinition.MASK : value));
        return new TableDetails(catalogName, database, table, base.getTableKind().name(),
                base.getComment() == null || base.getComment().isBlank() ? null : base.getComment(), columns,
                primaryKey, partitionKeys, watermarks, options);
    }

    /**
     * The table, view or materialized table at a path as its catalog stores it (not resolved), or empty when the
     * catalog, database or object does not exist. For statement analysis (views) and the metadata index.
     */
    public Optional<CatalogBaseTable> findObject(String catalogName, String database, String name) {
        Optional<Catalog> catalog = storedCatalog(catalogName);
        if (catalog.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(catalog.get().getTable(new ObjectPath(database, name)));
        } catch (TableNotExistException e) {
            return Optional.empty();
        }
    }

    /** The default database of a stored catalog, or empty when no catalog of that name is stored. */
    public Optional<String> defaultDatabase(String catalogName) {
        return storedCatalog(catalogName).map(Catalog::getDefaultDatabase);
    }

    private Optional<Catalog> storedCatalog(String catalogName) {
        try {
            return Optional.of(catalog(catalogName));
        } catch (CatalogNotFoundException e) {
            return Optional.empty();
        }
    }

    private static TableDetails.Column column(Schema.UnresolvedColumn column, boolean inPrimaryKey) {
        String comment = column.getComment().orElse(null);
        if (column instanceof Schema.UnresolvedComputedColumn computed) {
            return new TableDetails.Column(column.getName(), null, true, inPrimaryKey, "COMPUTED", comment,
                    computed.getExpression().asSummaryString());
        }
        AbstractDataType<?> type = column instanceof Schema.UnresolvedMetadataColumn metadata
                ? metadata.getDataType() : ((Schema.UnresolvedPhysicalColumn) column).getDataType();
        String kind = column instanceof Schema.UnresolvedMetadataColumn ? "METADATA" : "PHYSICAL";
        return new TableDetails.Column(column.getName(), type.toString(), !inPrimaryKey && nullable(type),
                inPrimaryKey, kind, comment, null);
    }

    private static boolean nullable(AbstractDataType<?> type) {
        if (type instanceof DataType dataType) {
            return dataType.getLogicalType().isNullable();
        }
        return !type.toString().toUpperCase(java.util.Locale.ROOT).contains("NOT NULL");
    }

    /** The catalog, opened from its stored definition (again, if that changed since it was opened). */
    private Catalog catalog(String name) {
        StoredCatalogDefinition stored = repository.get(name).orElseThrow(() -> {
            forget(name);
            return new CatalogNotFoundException(name);
        });
        OpenCatalog current = open.get(name);
        if (current != null && current.version() == stored.version()) {
            return current.catalog();
        }
        Map<String, String> options = new TreeMap<>(stored.definition().optionValues());
        options.put(CatalogDefinition.TYPE_OPTION, stored.definition().type());
        Catalog catalog = FactoryUtil.createCatalog(name, options, configuration, classLoader);
        catalog.open();
        OpenCatalog replaced = open.put(name, new OpenCatalog(stored.version(), catalog));
        if (replaced != null) {
            closeQuietly(name, replaced.catalog());
        }
        return catalog;
    }

    /** Closes the open instance of a catalog that changed or was dropped. */
    public void forget(String name) {
        OpenCatalog removed = open.remove(name);
        if (removed != null) {
            closeQuietly(name, removed.catalog());
        }
    }

    @Override
    public void close() {
        open.forEach((name, catalog) -> closeQuietly(name, catalog.catalog()));
        open.clear();
    }

    private static void closeQuietly(String name, Catalog catalog) {
        try {
            catalog.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing catalog {} failed: {}", name, e.toString());
        }
    }
}
