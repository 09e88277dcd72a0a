package io.tributary.jdbc.result;

import java.sql.SQLException;

/** Rows of an operation running on the server, which another thread can cancel. */
public interface ServerRowSource extends RowSource {

    /** Cancels the operation on the server (its job is cancelled); the thread reading gets 57014. */
    void cancel() throws SQLException;
}
