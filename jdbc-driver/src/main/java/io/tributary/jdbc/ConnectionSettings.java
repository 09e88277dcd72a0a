package io.tributary.jdbc;

import static java.util.Objects.requireNonNull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a connection is opened with: {@code jdbc:tributary://host[:port][/catalog[/database]][?properties]}
 * merged with the properties the application passed (the application's win over the URL's).
 */
public final class ConnectionSettings {

    public static final String PREFIX = "jdbc:tributary://";
    public static final int DEFAULT_PORT = 8083;

    private final String host;
    private final int port;
    private final Properties properties;

    private ConnectionSettings(String host, int port, Properties properties) {
        this.host = requireNonNull(host, "host is null");
        this.port = port;
        this.properties = properties;
    }

    public static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    public static ConnectionSettings parse(String url, Properties given) throws SQLException {
        if (!accepts(url)) {
            throw Errors.of(ErrorCode.INVALID_CONNECTION_PROPERTY, "not a Tributary URL: " + url
                    + " (expected " + PREFIX + "host[:port][/catalog[/database]][?properties])");
        }
        String rest = url.substring(PREFIX.length());
        Properties merged = new Properties();
        int query = rest.indexOf('?');
        if (query >= 0) {
            for (String pair : rest.substring(query + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String key = decode(equals < 0 ? pair : pair.substring(0, equals));
                merged.setProperty(key, equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
            rest = rest.substring(0, query);
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
        if (segments.length > 2) {
            throw Errors.of(ErrorCode.INVALID_CONNECTION_PROPERTY, "too many path segments in " + url
                    + ": the path is /catalog/database");
        }
        if (segments.length > 0 && !segments[0].isEmpty()) {
            merged.setProperty(DriverProperty.CATALOG.key(), decode(segments[0]));
        }
        if (segments.length > 1 && !segments[1].isEmpty()) {
            merged.setProperty(DriverProperty.DATABASE.key(), decode(segments[1]));
        }
        if (given != null) {
            for (String key : given.stringPropertyNames()) {
                merged.setProperty(key, given.getProperty(key));
            }
        }
        String host;
        int port = DEFAULT_PORT;
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            host = authority.substring(0, close + 1);
            authority = authority.substring(close + 1);
            if (authority.startsWith(":")) {
                port = port(authority.substring(1), url);
            }
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            if (colon >= 0) {
                port = port(authority.substring(colon + 1), url);
            }
        }
        if (host.isEmpty()) {
            throw Errors.of(ErrorCode.INVALID_CONNECTION_PROPERTY, "no host in " + url);
        }
        return new ConnectionSettings(host, port, merged);
    }

    private static int port(String text, String url) throws SQLException {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw Errors.of(ErrorCode.INVALID_CONNECTION_PROPERTY, "invalid port '" + text + "' in " + url);
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public String gatewayUrl() {
        return "http://" + host + ":" + port;
    }

    public String url() {
        return PREFIX + host + ":" + port;
    }

    public Properties properties() {
        return properties;
    }

    public String get(DriverProperty property) {
        String value = property.value(properties);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean flag(DriverProperty property) {
        return Boolean.parseBoolean(property.value(properties));
    }

    public Duration seconds(DriverProperty property) throws SQLException {
        String value = property.value(properties);
        try {
            long seconds = Long.parseLong(value.trim());
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(seconds);
        } catch (NumberFormatException e) {
            throw Errors.of(ErrorCode.INVALID_CONNECTION_PROPERTY, property.key() + " must be a number of seconds,"
                    + " was '" + value + "'");
        }
    }

    /**
     * The session properties the driver opens the session with: every property that is not the driver's own
     * (Flink options), plus the user as tributary.user. The password and the token are not session properties
     * (the session's configuration is readable by whoever holds its handle): they travel in the Authorization
     * header of every request ({@link io.tributary.jdbc.client.HttpTransport#headers}).
     */
    public Map<String, String> sessionProperties() {
        Map<String, String> session = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!DriverProperty.isDriverProperty(key)) {
                session.put(key, properties.getProperty(key));
            }
        }
        putIfSet(session, "tributary.user", get(DriverProperty.USER));
        return session;
    }

    private static void putIfSet(Map<String, String> session, String key, String value) {
        if (value != null) {
            session.put(key, value);
        }
    }
}
