package io.tributary.benchmarks.catalogs;

import static java.util.Objects.requireNonNull;

/** Where the benchmark's PostgreSQL database is and who may use it: what a JDBC catalog over it is given. */
public record PostgresConnection(String host, int port, String database, String user, String password) {

    public PostgresConnection {
        requireNonNull(host, "host is null");
        requireNonNull(database, "database is null");
        requireNonNull(user, "user is null");
        requireNonNull(password, "password is null");
    }

    /** The JDBC catalog's {@code base-url}: the server, without a database. */
    public String baseUrl() {
        return "jdbc:postgresql://" + host + ":" + port;
    }

    public String url() {
        return baseUrl() + "/" + database;
    }
}
