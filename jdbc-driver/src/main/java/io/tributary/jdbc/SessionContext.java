package io.tributary.jdbc;

import io.tributary.jdbc.client.GatewayClient;
import io.tributary.jdbc.result.ValueConverter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** What a statement needs of its connection: the session on the server, and how to present its values. */
public interface SessionContext {

    GatewayClient client();

    /**
     * The management API of a Tributary server (which also keeps statement timeouts); null when the server named
     * none (not a Tributary server).
     */
    io.tributary.jdbc.client.HttpTransport tributaryServer();

    /** Whether results after their first page come from the server's result stream (resultStream=auto). */
    boolean resultStream();

    ValueConverter converter();

    /** Whether results carry the changelog kind of each row as a first column "op". */
    boolean rowKinds();

    Connection connection();

    /** The session's current catalog (cached until a USE statement changes it). */
    String currentCatalog() throws SQLException;

    /** The session's current database (cached until a USE statement changes it). */
    String currentDatabase() throws SQLException;

    /** Called before a statement runs: the connection must be open. */
    void beforeExecute(String sql) throws SQLException;

    /** Called after a statement ran: it may have changed the current catalog or created temporary objects. */
    void afterExecute(String sql);

    void statementClosed(Statement statement);
}
