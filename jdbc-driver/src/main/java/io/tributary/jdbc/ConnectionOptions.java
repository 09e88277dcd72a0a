package io.tributary.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * What BI tools set on every connection and Flink SQL has no use for: auto-commit (every statement commits; there
 * are no transactions, so commit and rollback have nothing to do), read-only, isolation level, holdability, client
 * info, type map, network timeout. They are kept and reported back as set, never refused, so that pools and tools
 * that set them on every connection work unchanged.
 */
abstract class ConnectionOptions implements Connection, SelfWrapper {

    private boolean autoCommit = true;
    private boolean readOnly;
    private int isolation = Connection.TRANSACTION_NONE;
    private int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;
    private final Properties clientInfo = new Properties();
    private Map<String, Class<?>> typeMap = new HashMap<>();
    private int networkTimeout;
    private final WarningChain warnings = new WarningChain();

    abstract void checkOpen() throws SQLException;

    @Override
    public void setAutoCommit(boolean value) throws SQLException {
        checkOpen();
        autoCommit = value;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    /** Nothing to commit: each Flink statement takes effect when it runs. */
    @Override
    public void commit() throws SQLException {
        checkOpen();
    }

    /** Nothing to roll back: each Flink statement took effect when it ran. */
    @Override
    public void rollback() throws SQLException {
        checkOpen();
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        throw Errors.notSupported("Savepoints (Flink SQL has no transactions)");
    }

    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        throw Errors.notSupported("Savepoints (Flink SQL has no transactions)");
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        throw Errors.notSupported("Savepoints (Flink SQL has no transactions)");
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        throw Errors.notSupported("Savepoints (Flink SQL has no transactions)");
    }

    /** A hint only: Flink statements that write still write (the server decides what a user may do). */
    @Override
    public void setReadOnly(boolean value) throws SQLException {
        checkOpen();
        readOnly = value;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        isolation = level;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return isolation;
    }

    @Override
    public void setHoldability(int value) throws SQLException {
        checkOpen();
        holdability = value;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return holdability;
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (name == null) {
            return;
        }
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        if (properties != null) {
            for (String name : properties.stringPropertyNames()) {
                clientInfo.setProperty(name, properties.getProperty(name));
            }
        }
    }

    @Override
    public String getClientInfo(String name) {
        return name == null ? null : clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() {
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return typeMap;
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        typeMap = map == null ? new HashMap<>() : map;
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        networkTimeout = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeout;
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return warnings.first();
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
        warnings.clear();
    }

    void addWarning(SQLWarning warning) {
        warnings.add(warning);
    }

    @Override
    public String nativeSQL(String sql) throws SQLException {
        checkOpen();
        return sql;
    }
}
