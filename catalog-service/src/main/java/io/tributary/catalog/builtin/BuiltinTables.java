package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogBaseTable.TableKind;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.CatalogException;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.TableAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.TableNotExistException;

/**
 * The table part of Flink's catalog contract for one {@code tributary} catalog: tables, views and materialized
 * tables, stored in Flink's portable form ({@link TableDefinitionCodec}), with Flink's exceptions and
 * {@code ignoreIf...} semantics.
 */
final class BuiltinTables {

    private final String catalogName;
    private final BuiltinTableRepository tables;

    BuiltinTables(String catalogName, BuiltinTableRepository tables) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    /** The objects of a database that the caller checked exists: all of them, or those of one kind. */
    List<String> list(String databaseName, Optional<TableKind> kind) {
        return tables.list(databaseName, kind);
    }

    CatalogBaseTable get(ObjectPath path) throws TableNotExistException {
        return tables.find(path)
                .map(stored -> TableDefinitionCodec.decode(stored.definition()))
                .orElseThrow(() -> new TableNotExistException(catalogName, path));
    }

    boolean exists(ObjectPath path) {
        return tables.exists(path);
    }

    void create(ObjectPath path, CatalogBaseTable table, boolean ignoreIfExists)
            throws TableAlreadyExistException, DatabaseNotExistException {
        switch (tables.create(path, TableDefinitionCodec.encode(path, table))) {
            case PARENT_MISSING -> throw new DatabaseNotExistException(catalogName, path.getDatabaseName());
            case EXISTS -> {
                if (!ignoreIfExists) {
                    throw new TableAlreadyExistException(catalogName, path);
                }
            }
            default -> { }
        }
    }

    void alter(ObjectPath path, CatalogBaseTable table, boolean ignoreIfNotExists) throws TableNotExistException {
        switch (tables.replace(path, TableDefinitionCodec.encode(path, table))) {
            case MISSING -> {
                if (!ignoreIfNotExists) {
                    throw new TableNotExistException(catalogName, path);
                }
            }
            case KIND_MISMATCH -> throw new CatalogException(BuiltinCatalogMessages.kindMismatch(path,
                    get(path).getTableKind().name(), table.getTableKind().name()));
            default -> { }
        }
    }

    /** A taken new name is an error even with {@code ignoreIfNotExists}, which covers only a missing table. */
    void rename(ObjectPath path, String newName, boolean ignoreIfNotExists)
            throws TableNotExistException, TableAlreadyExistException {
        switch (tables.rename(path, newName)) {
            case MISSING -> {
                if (!ignoreIfNotExists) {
                    throw new TableNotExistException(catalogName, path);
                }
            }
            case EXISTS -> throw new TableAlreadyExistException(catalogName,
                    new ObjectPath(path.getDatabaseName(), newName));
            default -> { }
        }
    }

    void drop(ObjectPath path, boolean ignoreIfNotExists) throws TableNotExistException {
        if (tables.drop(path) == ChangeOutcome.MISSING && !ignoreIfNotExists) {
            throw new TableNotExistException(catalogName, path);
        }
    }
}
