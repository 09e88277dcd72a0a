package io.tributary.jdbc.result;

import java.sql.SQLException;

/** A statement told when the application closes its result set (for {@code closeOnCompletion}). */
public interface ResultSetOwner {

    void resultClosed() throws SQLException;
}
