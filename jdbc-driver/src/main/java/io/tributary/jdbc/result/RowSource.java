package io.tributary.jdbc.result;

import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;

/** Where a result set's rows come from: the server's pages, or a list the driver built (metadata). */
public interface RowSource {

    List<Column> columns();

    /** The next row's values (one per column), or null at the end. */
    Object[] next() throws SQLException;

    /** Frees what the rows hold on the server; idempotent. */
    void close() throws SQLException;

    /** Warnings the source raised (a result cut at the query timeout), or null. */
    SQLWarning warnings();
}
