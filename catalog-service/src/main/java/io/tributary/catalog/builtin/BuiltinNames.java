package io.tributary.catalog.builtin;

import org.apache.flink.table.catalog.exceptions.CatalogException;

/**
 * The lengths of names the {@code tributary} catalog keeps (the widths of its columns), checked before writing, so
 * that a name too long is a clear error on every database, never a name cut short by a lenient MySQL.
 */
final class BuiltinNames {

    static final int MAXIMUM_CATALOG_NAME = 128;
    static final int MAXIMUM_DATABASE_NAME = 128;
    static final int MAXIMUM_OBJECT_NAME = 256;
    static final int MAXIMUM_CLASS_NAME = 1024;

    private BuiltinNames() {}

    static String catalogName(String name) {
        return check("catalog", name, MAXIMUM_CATALOG_NAME);
    }

    static String databaseName(String name) {
        return check("database", name, MAXIMUM_DATABASE_NAME);
    }

    static String objectName(String name) {
        return check("object", name, MAXIMUM_OBJECT_NAME);
    }

    static String columnName(String name) {
        return check("column", name, MAXIMUM_OBJECT_NAME);
    }

    static String className(String name) {
        return check("class", name, MAXIMUM_CLASS_NAME);
    }

    private static String check(String what, String name, int maximum) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException(what + " name is null or blank");
        }
        if (name.length() > maximum) {
            throw new CatalogException(BuiltinCatalogMessages.nameTooLong(what, name, maximum));
        }
        return name;
    }
}
