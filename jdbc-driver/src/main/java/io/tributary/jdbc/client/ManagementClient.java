package io.tributary.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.ErrorCode;
import io.tributary.jdbc.Errors;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tributary's management API (/api/v1), for metadata it answers faster than SQL through a session: the stored
 * catalogs, their databases, tables and columns. Errors are its JSON {code, type, message, sqlState}.
 */
public final class ManagementClient {

    private final HttpTransport transport;

    public ManagementClient(HttpTransport transport) {
        this.transport = requireNonNull(transport, "transport is null");
    }

    public String baseUrl() {
        return transport.baseUrl();
    }

    public List<String> catalogs() throws SQLException {
        List<String> names = new ArrayList<>();
        for (Object catalog : list(get("/api/v1/catalogs"))) {
            names.add(String.valueOf(((Map<?, ?>) catalog).get("name")));
        }
        return names;
    }

    public List<String> databases(String catalog) throws SQLException {
        List<String> names = new ArrayList<>();
        for (Object name : list(get("/api/v1/catalogs/" + segment(catalog) + "/databases"))) {
            names.add(String.valueOf(name));
        }
        return names;
    }

    /** The tables and views of a database, each as {name, kind} with kind TABLE or VIEW. */
    public List<Map<?, ?>> tables(String catalog, String database) throws SQLException {
        List<Map<?, ?>> tables = new ArrayList<>();
        for (Object table : list(get("/api/v1/catalogs/" + segment(catalog) + "/databases/" + segment(database)
                + "/tables"))) {
            tables.add((Map<?, ?>) table);
        }
        return tables;
    }

    /** A table's details: columns [{name, type, nullable, primaryKey, kind, comment, expression}], primaryKey... */
    public Map<?, ?> table(String catalog, String database, String table) throws SQLException {
        Object body = get("/api/v1/catalogs/" + segment(catalog) + "/databases/" + segment(database) + "/tables/"
                + segment(table));
        return body instanceof Map ? (Map<?, ?>) body : Map.of();
    }

    private Object get(String path) throws SQLException {
        HttpTransport.Response response = transport.get(path);
        if (response.ok()) {
            return response.body();
        }
        Map<?, ?> error = response.object();
        String sqlState = error.get("sqlState") instanceof String ? (String) error.get("sqlState") : null;
        String message = error.get("message") != null ? String.valueOf(error.get("message")) : response.text();
        ErrorCode code = response.status() == 404 ? ErrorCode.OBJECT_NOT_FOUND
                : response.status() == 401 || response.status() == 403 ? ErrorCode.AUTHENTICATION_FAILED
                : response.status() >= 500 ? ErrorCode.SERVER_ERROR : ErrorCode.INVALID_ARGUMENT;
        SQLException failure = Errors.of(code, message + " (" + error.get("code") + " from " + transport.baseUrl()
                + path + ")");
        if (sqlState != null && !sqlState.equals(failure.getSQLState())) {
            failure = new SQLException(failure.getMessage(), sqlState, code.vendorCode());
        }
        throw failure;
    }

    private static List<?> list(Object body) {
        return body instanceof List ? (List<?>) body : List.of();
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
