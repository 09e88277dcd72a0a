package io.tributary.catalog.admin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A table or view with its columns (type, nullability, primary key, kind, comment), partition keys, watermarks
 * and options (credentials masked).
 */
public record TableDetails(
        String catalog,
        String database,
        String name,
        String kind,
        String comment,
        List<Column> columns,
        List<String> primaryKey,
        List<String> partitionKeys,
        List<String> watermarks,
        Map<String, String> options) {

    public TableDetails {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(database, "database is null");
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        partitionKeys = List.copyOf(partitionKeys);
        watermarks = List.copyOf(watermarks);
        options = Map.copyOf(options);
    }

    /** One column: {@code kind} is PHYSICAL, COMPUTED or METADATA; {@code expression} for computed columns. */
    public record Column(String name, String type, boolean nullable, boolean primaryKey, String kind, String comment,
            String expression) {
        public Column {
            requireNonNull(name, "name is null");
            requireNonNull(kind, "kind is null");
        }
    }
}
