package io.tributary.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The JDBC driver for Tributary: {@code jdbc:tributary://host[:port][/catalog[/database]][?properties]}, the port
 * being the gateway's (8083 by default). Registered with DriverManager when the class loads (the JDBC standard,
 * and through META-INF/services/java.sql.Driver).
 */
public final class TributaryDriver implements Driver {

    static {
        try {
            DriverManager.registerDriver(new TributaryDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return TributaryConnection.open(ConnectionSettings.parse(url, info));
    }

    @Override
    public boolean acceptsURL(String url) {
        return ConnectionSettings.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        Properties merged = acceptsURL(url) ? ConnectionSettings.parse(url, info).properties()
                : info == null ? new Properties() : info;
        DriverProperty[] properties = DriverProperty.values();
        DriverPropertyInfo[] infos = new DriverPropertyInfo[properties.length];
        for (int i = 0; i < properties.length; i++) {
            infos[i] = properties[i].info(merged);
        }
        return infos;
    }

    @Override
    public int getMajorVersion() {
        return DriverVersion.MAJOR;
    }

    @Override
    public int getMinorVersion() {
        return DriverVersion.MINOR;
    }

    /** Not fully JDBC compliant: Flink SQL is not SQL-92 entry level (no transactions, no updatable results). */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getLogger("io.tributary.jdbc");
    }
}
