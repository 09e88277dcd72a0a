package io.tributary.jdbc;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.client.GatewayClient;
import io.tributary.jdbc.client.HttpTransport;
import io.tributary.jdbc.client.ManagementClient;
import io.tributary.jdbc.meta.TributaryDatabaseMetaData;
import io.tributary.jdbc.result.ValueConverter;
import io.tributary.jdbc.statement.TributaryStatement;
import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A connection is one session of the gateway. It keeps the session alive with heartbeats, knows the session's
 * current catalog and database, and whether the session created temporary objects (which only SQL in the session
 * can list, not the management API).
 */
public final class TributaryConnection extends StatementFactory implements SessionContext {

    private static final Pattern USE = Pattern.compile("(?is)^\\s*USE\\b.*");
    private static final Pattern TEMPORARY = Pattern.compile(
            "(?is)^\\s*CREATE\\s+(OR\\s+REPLACE\\s+)?TEMPORARY\\b.*");

    private final ConnectionSettings settings;
    private final GatewayClient client;
    private final Map<String, String> sessionProperties;
    private final ValueConverter converter;
    private final ManagementClient management;
    private final HttpTransport tributaryServer;
    private final ScheduledExecutorService heartbeat;
    private final Set<Statement> statements = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private volatile boolean temporaryObjects;
    private volatile String currentCatalog;
    private volatile String currentDatabase;
    private volatile String serverVersion;

    private TributaryConnection(ConnectionSettings settings, GatewayClient client, Map<String, String> properties,
            ManagementClient management, HttpTransport tributaryServer, Duration heartbeatInterval) {
        this.settings = requireNonNull(settings, "settings is null");
        this.client = requireNonNull(client, "client is null");
        this.sessionProperties = Map.copyOf(properties);
        this.converter = new ValueConverter(zone(properties.get("table.local-time-zone")));
        this.management = management;
        this.tributaryServer = tributaryServer;
        this.heartbeat = heartbeatInterval.isZero() ? null : Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tributary-jdbc-heartbeat-" + client.session());
            thread.setDaemon(true);
            return thread;
        });
        if (heartbeat != null) {
            long seconds = heartbeatInterval.toSeconds();
            heartbeat.scheduleWithFixedDelay(this::beat, seconds, seconds, TimeUnit.SECONDS);
        }
    }

    static TributaryConnection open(ConnectionSettings settings) throws SQLException {
        HttpClient http = HttpTransport.newClient(settings.seconds(DriverProperty.CONNECT_TIMEOUT));
        Map<String, String> headers = HttpTransport.headers(settings.get(DriverProperty.USER),
                settings.get(DriverProperty.PASSWORD), settings.get(DriverProperty.TOKEN), "tributary-jdbc/" + DriverVersion.VERSION);
        Duration httpTimeout = settings.seconds(DriverProperty.HTTP_TIMEOUT);
        HttpTransport gateway = new HttpTransport(http, settings.gatewayUrl(), httpTimeout, headers);
        GatewayClient client = GatewayClient.open(gateway, settings.get(DriverProperty.SESSION_NAME),
                settings.sessionProperties());
        try {
            Map<String, String> properties = client.properties();
            String managementUrl = settings.get(DriverProperty.MANAGEMENT_URL) != null
                    ? settings.get(DriverProperty.MANAGEMENT_URL) : properties.get("tributary.management-url");
            HttpTransport managementApi = managementUrl == null ? null
                    : new HttpTransport(http, managementUrl, httpTimeout, headers);
            ManagementClient management = managementApi == null
                    || "sql".equalsIgnoreCase(settings.get(DriverProperty.METADATA_SOURCE)) ? null
                    : new ManagementClient(managementApi);
            TributaryConnection connection = new TributaryConnection(settings, client, properties, management,
                    managementApi, settings.seconds(DriverProperty.HEARTBEAT_INTERVAL));
            connection.startIn(settings.get(DriverProperty.CATALOG), settings.get(DriverProperty.DATABASE));
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                client.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private void startIn(String catalog, String database) throws SQLException {
        try {
            if (catalog != null) {
                setCatalog(catalog);
            }
            if (database != null) {
                setSchema(database);
            }
        } catch (SQLException e) {
            close();
            throw e;
        }
    }

    private static ZoneId zone(String sessionZone) {
        if (sessionZone == null || sessionZone.equalsIgnoreCase("default")) {
            return ZoneId.systemDefault();
        }
        try {
            return ZoneId.of(sessionZone);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }

    private void beat() {
        try {
            client.heartbeat();
        } catch (SQLException | RuntimeException e) {
            // The next statement reports a lost session with its own error; a heartbeat has no one to tell.
        }
    }

    @Override
    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.of(ErrorCode.CLOSED, "the connection is closed");
        }
    }

    @Override
    public GatewayClient client() {
        return client;
    }

    @Override
    SessionContext session() {
        return this;
    }

    @Override
    public ValueConverter converter() {
        return converter;
    }

    @Override
    public boolean rowKinds() {
        return settings.flag(DriverProperty.ROW_KIND);
    }

    @Override
    public Connection connection() {
        return this;
    }

    public ConnectionSettings settings() {
        return settings;
    }

    /** The session's properties when it opened (its Flink configuration and the server's own). */
    public Map<String, String> sessionProperties() {
        return sessionProperties;
    }

    /** The management API, or null when it is not known or metadataSource=sql. */
    public ManagementClient management() {
        return management;
    }

    @Override
    public HttpTransport tributaryServer() {
        return tributaryServer;
    }

    @Override
    public boolean resultStream() {
        return !"rest".equalsIgnoreCase(settings.get(DriverProperty.RESULT_STREAM));
    }

    /** Whether this session created temporary tables, views or functions (only SQL lists those). */
    public boolean hasTemporaryObjects() {
        return temporaryObjects;
    }

    /** Flink's version, as the gateway reports it (GET /v1/info). */
    public String serverVersion() throws SQLException {
        String version = serverVersion;
        if (version == null) {
            version = client.serverVersion();
            serverVersion = version;
        }
        return version;
    }

    /** A warning for the application (getWarnings), e.g. a catalog left out of a listing. */
    public void warn(java.sql.SQLWarning warning) {
        addWarning(warning);
    }

    @Override
    public void beforeExecute(String sql) throws SQLException {
        checkOpen();
    }

    @Override
    public void afterExecute(String sql) {
        if (USE.matcher(sql).matches()) {
            currentCatalog = null;
            currentDatabase = null;
        }
        if (TEMPORARY.matcher(sql).matches()) {
            temporaryObjects = true;
        }
    }

    @Override
    public String currentCatalog() throws SQLException {
        String catalog = currentCatalog;
        if (catalog == null) {
            catalog = single("SHOW CURRENT CATALOG");
            currentCatalog = catalog;
        }
        return catalog;
    }

    @Override
    public String currentDatabase() throws SQLException {
        String database = currentDatabase;
        if (database == null) {
            database = single("SHOW CURRENT DATABASE");
            currentDatabase = database;
        }
        return database;
    }

    private String single(String sql) throws SQLException {
        List<Object[]> rows = query(sql);
        return rows.isEmpty() ? null : String.valueOf(rows.get(0)[0]);
    }

    /** Runs a statement of the driver's own in the session and returns all its rows. */
    public List<Object[]> query(String sql) throws SQLException {
        try (TributaryStatement statement = new TributaryStatement(this);
                ResultSet rows = statement.executeQuery(sql)) {
            List<Object[]> result = new ArrayList<>();
            io.tributary.jdbc.result.RowSource source =
                    ((io.tributary.jdbc.result.TributaryResultSet) rows).source();
            for (Object[] row = source.next(); row != null; row = source.next()) {
                result.add(rowKinds() ? java.util.Arrays.copyOfRange(row, 1, row.length) : row);
            }
            return result;
        }
    }

    /** Runs a statement of the driver's own that returns nothing (USE). */
    void run(String sql) throws SQLException {
        try (TributaryStatement statement = new TributaryStatement(this)) {
            statement.execute(sql);
        }
    }

    /** An identifier quoted with backticks, as Flink SQL quotes them. */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public void statementClosed(Statement statement) {
        statements.remove(statement);
    }

    @Override
    <T extends Statement> T track(T statement) {
        statements.add(statement);
        return statement;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new TributaryDatabaseMetaData(this);
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (catalog != null && !catalog.equals(currentCatalog)) {
            run("USE CATALOG " + quote(catalog));
            currentCatalog = catalog;
            currentDatabase = null;
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return currentCatalog();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (schema != null && !schema.equals(currentDatabase)) {
            run("USE " + quote(currentCatalog()) + "." + quote(schema));
            currentDatabase = schema;
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return currentDatabase();
    }

    /** True when the session still answers within the timeout (a heartbeat); never throws for a lost server. */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (timeout < 0) {
            throw Errors.of(ErrorCode.INVALID_ARGUMENT, "timeout must not be negative: " + timeout);
        }
        if (closed) {
            return false;
        }
        try {
            client.heartbeat();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        SQLException failure = null;
        for (Statement statement : List.copyOf(statements)) {
            try {
                statement.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            }
        }
        statements.clear();
        try {
            client.close();
        } catch (SQLException e) {
            if (e.getSQLState() == null || !e.getSQLState().startsWith("08")) {
                throw e;
            }
        }
        if (failure != null && failure.getSQLState() != null && !failure.getSQLState().startsWith("08")) {
            throw failure;
        }
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        requireNonNull(executor, "executor is null");
        executor.execute(() -> {
            try {
                close();
            } catch (SQLException ignored) {
                // abort only has to release the connection; there is no one to report to.
            }
        });
    }
}
