package io.tributary.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A DataSource for application servers and pools: set the URL (or host, port, catalog, database) and any
 * connection property, then {@link #getConnection()}.
 */
public final class TributaryDataSource implements DataSource, SelfWrapper {

    private String url = ConnectionSettings.PREFIX + "127.0.0.1:" + ConnectionSettings.DEFAULT_PORT;
    private final Properties properties = new Properties();
    private int loginTimeout;
    private PrintWriter logWriter;

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public void setUser(String user) {
        properties.setProperty(DriverProperty.USER.key(), user);
    }

    public void setPassword(String password) {
        properties.setProperty(DriverProperty.PASSWORD.key(), password);
    }

    /** Any connection property (the driver's own, or a Flink option for the session). */
    public void setProperty(String key, String value) {
        properties.setProperty(key, value);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties merged = new Properties();
        merged.putAll(properties);
        if (username != null) {
            merged.setProperty(DriverProperty.USER.key(), username);
        }
        if (password != null) {
            merged.setProperty(DriverProperty.PASSWORD.key(), password);
        }
        return connect(merged);
    }

    private Connection connect(Properties given) throws SQLException {
        Properties merged = new Properties();
        merged.putAll(given);
        if (loginTimeout > 0 && !merged.containsKey(DriverProperty.CONNECT_TIMEOUT.key())) {
            merged.setProperty(DriverProperty.CONNECT_TIMEOUT.key(), Integer.toString(loginTimeout));
        }
        return TributaryConnection.open(ConnectionSettings.parse(url, merged));
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.tributary.jdbc");
    }
}
