package io.tributary.catalog.store;

import java.sql.SQLException;
import org.jooq.exception.DataAccessException;

/** Tells apart the database errors the repository answers specially, the same way on H2 and MySQL/MariaDB. */
final class DatabaseErrors {

    /** SQLState of a unique or primary key violation on H2 (and the SQL standard's subclass for it). */
    private static final String DUPLICATE_KEY_STATE = "23505";
    /** MySQL's and MariaDB's ER_DUP_ENTRY (their SQLState is the generic 23000). */
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    /** SQLState of "string data, right truncation": a value longer than its column, on H2 and MySQL/MariaDB. */
    private static final String VALUE_TOO_LONG_STATE = "22001";

    private DatabaseErrors() {}

    static boolean isDuplicateKey(DataAccessException failure) {
        for (SQLException e = sqlException(failure); e != null; e = e.getNextException()) {
            if (DUPLICATE_KEY_STATE.equals(e.getSQLState()) || e.getErrorCode() == MYSQL_DUPLICATE_ENTRY) {
                return true;
            }
        }
        return false;
    }

    static boolean isValueTooLong(DataAccessException failure) {
        for (SQLException e = sqlException(failure); e != null; e = e.getNextException()) {
            if (VALUE_TOO_LONG_STATE.equals(e.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static SQLException sqlException(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
