package io.tributary.jdbc.result;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.types.FlinkType;

/** A column of a result: its label, type, and the table it comes from when that is known ("" when not). */
public final class Column {

    private final String name;
    private final FlinkType type;
    private final String catalog;
    private final String schema;
    private final String table;

    public Column(String name, FlinkType type, String catalog, String schema, String table) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        this.catalog = catalog == null ? "" : catalog;
        this.schema = schema == null ? "" : schema;
        this.table = table == null ? "" : table;
    }

    public Column(String name, FlinkType type) {
        this(name, type, "", "", "");
    }

    public String name() {
        return name;
    }

    public FlinkType type() {
        return type;
    }

    public String catalog() {
        return catalog;
    }

    public String schema() {
        return schema;
    }

    public String table() {
        return table;
    }
}
