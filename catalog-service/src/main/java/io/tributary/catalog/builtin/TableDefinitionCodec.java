package io.tributary.catalog.builtin;

import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogBaseTable.TableKind;
import org.apache.flink.table.catalog.CatalogPropertiesUtil;
import org.apache.flink.table.catalog.CatalogTable;
import org.apache.flink.table.catalog.CatalogView;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.ResolvedCatalogMaterializedTable;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.ResolvedCatalogView;
import org.apache.flink.table.catalog.TableDistribution;
import org.apache.flink.table.catalog.exceptions.CatalogException;

/**
 * Turns Flink's resolved tables, views and materialized tables into {@link TableDefinition}s and back.
 *
 * <p>The schema (physical, computed and metadata columns with their comments, primary key, watermarks), comment,
 * partition keys, snapshot and options go through Flink's own {@link CatalogPropertiesUtil}, the form Flink's
 * persistent catalogs share: computed columns and watermarks are kept as SQL expressions and types as their
 * serialisable strings, so reading a table back gives the unresolved table that Flink resolves again in each
 * session. Flink 1.20 serialises a view's schema, comment and options but not its queries, and a table's
 * distribution not at all; those are kept beside the properties.
 */
final class TableDefinitionCodec {

    private TableDefinitionCodec() {}

    static TableDefinition encode(ObjectPath path, CatalogBaseTable table) {
        if (table instanceof ResolvedCatalogTable resolved) {
            return new TableDefinition(TableKind.TABLE, CatalogPropertiesUtil.serializeCatalogTable(resolved),
                    Optional.empty(), Optional.empty(), resolved.getDistribution());
        }
        if (table instanceof ResolvedCatalogView resolved) {
            return new TableDefinition(TableKind.VIEW, CatalogPropertiesUtil.serializeCatalogView(resolved),
                    Optional.of(resolved.getOriginalQuery()), Optional.of(resolved.getExpandedQuery()),
                    Optional.empty());
        }
        if (table instanceof ResolvedCatalogMaterializedTable resolved) {
            return new TableDefinition(TableKind.MATERIALIZED_TABLE,
                    CatalogPropertiesUtil.serializeCatalogMaterializedTable(resolved), Optional.empty(),
                    Optional.empty(), Optional.empty());
        }
        throw new CatalogException(BuiltinCatalogMessages.notResolved(path, table));
    }

    static CatalogBaseTable decode(TableDefinition definition) {
        Map<String, String> properties = definition.properties();
        return switch (definition.kind()) {
            case TABLE -> decodeTable(properties, definition.distribution());
            case VIEW -> decodeView(properties, definition);
            case MATERIALIZED_TABLE -> CatalogPropertiesUtil.deserializeCatalogMaterializedTable(properties);
        };
    }

    private static CatalogTable decodeTable(Map<String, String> properties, Optional<TableDistribution> distribution) {
        CatalogTable table = CatalogPropertiesUtil.deserializeCatalogTable(properties);
        if (distribution.isEmpty()) {
            return table;
        }
        return CatalogTable.newBuilder()
                .schema(table.getUnresolvedSchema())
                .comment(table.getComment())
                .partitionKeys(table.getPartitionKeys())
                .options(table.getOptions())
                .snapshot(table.getSnapshot().orElse(null))
                .distribution(distribution.get())
                .build();
    }

    private static CatalogView decodeView(Map<String, String> properties, TableDefinition definition) {
        // A view's properties are a table's without partition keys and snapshot: Flink reads them the same way.
        CatalogTable asTable = CatalogPropertiesUtil.deserializeCatalogTable(properties);
        return CatalogView.of(asTable.getUnresolvedSchema(), asTable.getComment(),
                definition.originalQuery().orElseThrow(() -> missingQuery(definition)),
                definition.expandedQuery().orElseThrow(() -> missingQuery(definition)),
                asTable.getOptions());
    }

    private static CatalogException missingQuery(TableDefinition definition) {
        return new CatalogException("A stored view has no query: " + definition.properties().keySet());
    }
}
