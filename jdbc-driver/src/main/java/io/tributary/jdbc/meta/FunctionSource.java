package io.tributary.jdbc.meta;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.TributaryConnection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The functions a query can call, from the session (SHOW FUNCTIONS): Flink's built-in functions (no catalog, no
 * schema) and the user functions of the current catalog and database.
 */
final class FunctionSource {

    private final TributaryConnection connection;

    FunctionSource(TributaryConnection connection) {
        this.connection = requireNonNull(connection, "connection is null");
    }

    List<Object[]> rows(String catalog, LikePattern schemas, LikePattern names) throws SQLException {
        Set<String> user = new HashSet<>(names("SHOW USER FUNCTIONS"));
        String currentCatalog = connection.currentCatalog();
        String currentDatabase = connection.currentDatabase();
        List<Object[]> rows = new ArrayList<>();
        for (String name : names("SHOW FUNCTIONS")) {
            boolean isUser = user.contains(name);
            String functionCatalog = isUser ? currentCatalog : null;
            String functionSchema = isUser ? currentDatabase : null;
            boolean catalogMatches = catalog == null || (catalog.isEmpty() ? functionCatalog == null
                    : catalog.equals(functionCatalog));
            boolean schemaMatches = functionSchema == null ? schemas.exactName() == null : schemas.matches(
                    functionSchema);
            if (catalogMatches && schemaMatches && names.matches(name)) {
                rows.add(new Object[] {functionCatalog, functionSchema, name,
                    isUser ? "user-defined function" : "built-in function",
                    (short) DatabaseMetaData.functionResultUnknown, name});
            }
        }
        return rows;
    }

    private List<String> names(String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Object[] row : connection.query(sql)) {
            names.add(String.valueOf(row[0]));
        }
        return names;
    }
}
