package io.tributary.server.testing;

import java.util.List;

/**
 * The database servers the integration tests use, at their fixed addresses on this machine: PostgreSQL at
 * 127.0.0.1:5432 (user postgres, trust authentication) and MariaDB at 127.0.0.1:3306 (user root, no password),
 * both started by .ci/run. Each knows how its administrator creates and drops a database with a user of its own.
 */
public enum DatabaseServer {
    POSTGRESQL("jdbc:postgresql://127.0.0.1:5432", "/postgres", "postgres") {
        @Override
        List<String> create(String database, String user, String password) {
            return List.of("CREATE ROLE " + user + " LOGIN PASSWORD '" + password + "'",
                    "CREATE DATABASE " + database + " OWNER " + user);
        }

        @Override
        List<String> drop(String database, String user) {
            return List.of("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", "DROP ROLE IF EXISTS " + user);
        }
    },
    MARIADB("jdbc:mysql://127.0.0.1:3306", "/", "root") {
        @Override
        List<String> create(String database, String user, String password) {
            return List.of("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin",
                    "CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + password + "'",
                    "GRANT ALL PRIVILEGES ON " + database + ".* TO '" + user + "'@'%'");
        }

        @Override
        List<String> drop(String database, String user) {
            return List.of("DROP DATABASE IF EXISTS " + database, "DROP USER IF EXISTS '" + user + "'@'%'");
        }
    };

    private final String baseUrl;
    private final String administrationPath;
    private final String administrator;

    DatabaseServer(String baseUrl, String administrationPath, String administrator) {
        this.baseUrl = baseUrl;
        this.administrationPath = administrationPath;
        this.administrator = administrator;
    }

    /** The server's URL without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5432}: Flink's base-url. */
    public String baseUrl() {
        return baseUrl;
    }

    String administrationUrl() {
        return baseUrl + administrationPath;
    }

    String administrator() {
        return administrator;
    }

    abstract List<String> create(String database, String user, String password);

    abstract List<String> drop(String database, String user);
}
