package io.tributary.analysis;

import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;

/** Resolves 1-, 2- and 3-part names against the session's current catalog and database, as Flink does. */
final class Names {

    private Names() {}

    static TablePath table(SqlIdentifier identifier, SessionScope scope) {
        return table(identifier.names, scope);
    }

    static TablePath table(List<String> names, SessionScope scope) {
        return switch (names.size()) {
            case 1 -> new TablePath(scope.catalog(), scope.database(), names.get(0));
            case 2 -> new TablePath(scope.catalog(), names.get(0), names.get(1));
            case 3 -> new TablePath(names.get(0), names.get(1), names.get(2));
            default -> throw invalid("object", names, "1 to 3 (name, database.name, catalog.database.name)");
        };
    }

    static ObjectReference catalog(List<String> names) {
        if (names.size() != 1) {
            throw invalid("catalog", names, "1");
        }
        return ObjectReference.catalog(names.get(0));
    }

    static ObjectReference database(List<String> names, SessionScope scope) {
        return switch (names.size()) {
            case 1 -> ObjectReference.database(scope.catalog(), names.get(0));
            case 2 -> ObjectReference.database(names.get(0), names.get(1));
            default -> throw invalid("database", names, "1 or 2 (database, catalog.database)");
        };
    }

    /** A database named by SHOW ... FROM/IN, or the current one when none is named. */
    static ObjectReference databaseOrCurrent(List<String> names, SessionScope scope) {
        return names.isEmpty() ? ObjectReference.database(scope.catalog(), scope.database()) : database(names, scope);
    }

    /** A function; a temporary system function has no catalog or database. */
    static ObjectReference function(List<String> names, SessionScope scope, boolean temporary, boolean system) {
        if (system) {
            if (names.size() != 1) {
                throw invalid("system function", names, "1");
            }
            return new ObjectReference(ObjectType.FUNCTION, names, true);
        }
        return ObjectReference.of(ObjectType.FUNCTION, table(names, scope), temporary);
    }

    private static AnalysisProblem invalid(String what, List<String> names, String allowed) {
        return new AnalysisProblem(AnalysisErrorCode.INVALID_NAME, AnalysisMessages.invalidName(what, names, allowed));
    }
}
