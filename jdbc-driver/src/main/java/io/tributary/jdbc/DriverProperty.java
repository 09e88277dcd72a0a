package io.tributary.jdbc;

import java.sql.DriverPropertyInfo;
import java.util.Properties;

/**
 * The connection properties the driver itself reads, each with its default and meaning (also what
 * {@code Driver.getPropertyInfo} tells a BI tool). Any other property is passed to the session as a Flink option,
 * e.g. {@code execution.runtime-mode=batch}.
 */
public enum DriverProperty {
    USER("user", null, "User name, sent to the server as the session property tributary.user"),
    PASSWORD("password", null, "Password, sent with the user in the Authorization header (Basic) of every request"),
    TOKEN("token", null, "Access token, sent as a bearer token in the Authorization header (it wins over a password)"),
    CATALOG("catalog", null, "Catalog the session starts in (also the first path segment of the URL)"),
    DATABASE("database", null, "Database the session starts in (also the second path segment of the URL)"),
    ROW_KIND("rowKind", "false", "true: results start with a column 'op' holding each row's changelog kind"
            + " (+I, -U, +U, -D)"),
    METADATA_SOURCE("metadataSource", "auto", "auto: DatabaseMetaData asks the management API, and SQL for what"
            + " only the session sees; sql: always SQL through the session"),
    MANAGEMENT_URL("managementUrl", null, "The management API's address; by default the server names it in the"
            + " session (tributary.management-url)"),
    RESULT_STREAM("resultStream", "auto", "auto: results after their first page come as one stream in Tributary's"
            + " dense encoding from the management API when the server offers it; rest: always the REST protocol's"
            + " JSON pages"),
    CONNECT_TIMEOUT("connectTimeout", "10", "Seconds to wait for a TCP connection to the server"),
    HTTP_TIMEOUT("httpTimeout", "300", "Seconds to wait for any one answer of the server"),
    HEARTBEAT_INTERVAL("heartbeatInterval", "60", "Seconds between heartbeats that keep an idle session open"
            + " (0: none)"),
    SESSION_NAME("sessionName", "tributary-jdbc", "Name of the gateway session");

    private final String key;
    private final String defaultValue;
    private final String description;

    DriverProperty(String key, String defaultValue, String description) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public String value(Properties properties) {
        return properties.getProperty(key, defaultValue);
    }

    public static boolean isDriverProperty(String key) {
        for (DriverProperty property : values()) {
            if (property.key.equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    DriverPropertyInfo info(Properties properties) {
        DriverPropertyInfo info = new DriverPropertyInfo(key, value(properties));
        info.description = description;
        info.required = false;
        if (this == ROW_KIND) {
            info.choices = new String[] {"true", "false"};
        } else if (this == METADATA_SOURCE) {
            info.choices = new String[] {"auto", "sql"};
        }
        return info;
    }
}
