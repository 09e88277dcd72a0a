package io.tributary.catalog.builtin;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.ObjectPath;
import org.apache.flink.table.catalog.exceptions.DatabaseNotExistException;
import org.apache.flink.table.catalog.exceptions.FunctionAlreadyExistException;
import org.apache.flink.table.catalog.exceptions.FunctionNotExistException;
import org.apache.flink.table.functions.FunctionIdentifier;

/**
 * The function part of Flink's catalog contract for one {@code tributary} catalog. Names are normalised to lower
 * case, as Flink resolves function names and as its in-memory catalog stores them: {@code Shout} and
 * {@code shout} are one function.
 */
final class BuiltinFunctions {

    private final String catalogName;
    private final BuiltinFunctionRepository functions;

    BuiltinFunctions(String catalogName, BuiltinFunctionRepository functions) {
        this.catalogName = requireNonNull(catalogName, "catalogName is null");
        this.functions = requireNonNull(functions, "functions is null");
    }

    /** The functions of a database that the caller checked exists. */
    List<String> list(String databaseName) {
        return functions.list(databaseName);
    }

    CatalogFunction get(ObjectPath functionPath) throws FunctionNotExistException {
        ObjectPath path = normalize(functionPath);
        return functions.find(path).orElseThrow(() -> new FunctionNotExistException(catalogName, path));
    }

    boolean exists(ObjectPath functionPath) {
        return functions.exists(normalize(functionPath));
    }

    void create(ObjectPath functionPath, CatalogFunction function, boolean ignoreIfExists)
            throws FunctionAlreadyExistException, DatabaseNotExistException {
        ObjectPath path = normalize(functionPath);
        switch (functions.create(path, requireNonNull(function, "function is null"))) {
            case PARENT_MISSING -> throw new DatabaseNotExistException(catalogName, path.getDatabaseName());
            case EXISTS -> {
                if (!ignoreIfExists) {
                    throw new FunctionAlreadyExistException(catalogName, path);
                }
            }
            default -> { }
        }
    }

    void alter(ObjectPath functionPath, CatalogFunction function, boolean ignoreIfNotExists)
            throws FunctionNotExistException {
        ObjectPath path = normalize(functionPath);
        if (functions.replace(path, requireNonNull(function, "function is null")) == ChangeOutcome.MISSING
                && !ignoreIfNotExists) {
            throw new FunctionNotExistException(catalogName, path);
        }
    }

    void drop(ObjectPath functionPath, boolean ignoreIfNotExists) throws FunctionNotExistException {
        ObjectPath path = normalize(functionPath);
        if (functions.drop(path) == ChangeOutcome.MISSING && !ignoreIfNotExists) {
            throw new FunctionNotExistException(catalogName, path);
        }
    }

    private static ObjectPath normalize(ObjectPath path) {
        return new ObjectPath(path.getDatabaseName(), FunctionIdentifier.normalizeName(path.getObjectName()));
    }
}
