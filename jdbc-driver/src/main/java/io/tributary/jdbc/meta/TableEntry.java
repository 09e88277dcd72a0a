package io.tributary.jdbc.meta;

import static java.util.Objects.requireNonNull;

/** A table or view as getTables lists it; {@code type} is TABLE or VIEW. */
final class TableEntry {

    private final String catalog;
    private final String database;
    private final String name;
    private final String type;

    TableEntry(String catalog, String database, String name, String type) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.database = requireNonNull(database, "database is null");
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
    }

    String catalog() {
        return catalog;
    }

    String database() {
        return database;
    }

    String name() {
        return name;
    }

    String type() {
        return type;
    }
}
