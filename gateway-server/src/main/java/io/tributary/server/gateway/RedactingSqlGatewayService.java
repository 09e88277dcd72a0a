package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretRedactor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogBaseTable;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.catalog.UnresolvedIdentifier;
import org.apache.flink.table.functions.FunctionDefinition;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.endpoint.EndpointVersion;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.FetchOrientation;
import org.apache.flink.table.gateway.api.results.FunctionInfo;
import org.apache.flink.table.gateway.api.results.GatewayInfo;
import org.apache.flink.table.gateway.api.results.OperationInfo;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.results.TableInfo;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;

/**
 * Flink's SQL Gateway service as every client reaches it, with credentials masked: a failure that echoes options
 * back (Flink's errors print CREATE CATALOG's options, password included) reaches the client with credentials
 * masked, and so does a session's configuration.
 * The failure's text is kept whole — each cause, in order — so the reason is still there.
 */
final class RedactingSqlGatewayService implements SqlGatewayService {

    private final SqlGatewayService delegate;
    private final SecretRedactor redactor;

    RedactingSqlGatewayService(SqlGatewayService delegate, SecretRedactor redactor) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (SqlGatewayException e) {
            throw redacted(e);
        }
    }

    private void guardedRun(Runnable call) {
        try {
            call.run();
        } catch (SqlGatewayException e) {
            throw redacted(e);
        }
    }

    /** The failure with every cause's message in it, credentials masked, and no cause attached. */
    SqlGatewayException redacted(SqlGatewayException failure) {
        StringBuilder text = new StringBuilder();
        boolean changed = false;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            String masked = redactor.redact(message);
            changed |= !masked.equals(message);
            text.append(text.isEmpty() ? "" : "\nCaused by: ").append(t.getClass().getName()).append(": ")
                    .append(masked);
        }
        return changed ? new SqlGatewayException(text.toString()) : failure;
    }

    @Override
    public SessionHandle openSession(SessionEnvironment environment) {
        return guarded(() -> delegate.openSession(environment));
    }

    @Override
    public void closeSession(SessionHandle session) {
        guardedRun(() -> delegate.closeSession(session));
    }

    @Override
    public void configureSession(SessionHandle session, String statement, long timeout) {
        guardedRun(() -> delegate.configureSession(session, statement, timeout));
    }

    /**
     * The session's configuration with the value of every credential-like option ({@code tributary.password},
     * {@code *.token}, {@code *secret*}... as {@link SecretRedactor#isSecret} decides) masked: whoever holds the
     * session handle can read its configuration ({@code GET /v3/sessions/{id}}), and it must not echo credentials.
     */
    @Override
    public Map<String, String> getSessionConfig(SessionHandle session) {
        Map<String, String> configuration = guarded(() -> delegate.getSessionConfig(session));
        Map<String, String> masked = new LinkedHashMap<>(configuration);
        masked.replaceAll((key, value) -> redactor.isSecret(key) && value != null && !value.isEmpty()
                ? SecretRedactor.MASK : value);
        return masked;
    }

    @Override
    public EndpointVersion getSessionEndpointVersion(SessionHandle session) {
        return guarded(() -> delegate.getSessionEndpointVersion(session));
    }

    @Override
    public OperationHandle submitOperation(SessionHandle session, Callable<ResultSet> executor) {
        return guarded(() -> delegate.submitOperation(session, executor));
    }

    @Override
    public void cancelOperation(SessionHandle session, OperationHandle operation) {
        guardedRun(() -> delegate.cancelOperation(session, operation));
    }

    @Override
    public void closeOperation(SessionHandle session, OperationHandle operation) {
        guardedRun(() -> delegate.closeOperation(session, operation));
    }

    @Override
    public OperationInfo getOperationInfo(SessionHandle session, OperationHandle operation) {
        return guarded(() -> delegate.getOperationInfo(session, operation));
    }

    @Override
    public ResolvedSchema getOperationResultSchema(SessionHandle session, OperationHandle operation) {
        return guarded(() -> delegate.getOperationResultSchema(session, operation));
    }

    @Override
    public OperationHandle executeStatement(SessionHandle session, String statement, long timeout,
            Configuration executionConfig) {
        return guarded(() -> delegate.executeStatement(session, statement, timeout, executionConfig));
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, long token, int maxRows) {
        return guarded(() -> delegate.fetchResults(session, operation, token, maxRows));
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, FetchOrientation orientation,
            int maxRows) {
        return guarded(() -> delegate.fetchResults(session, operation, orientation, maxRows));
    }

    @Override
    public String getCurrentCatalog(SessionHandle session) {
        return guarded(() -> delegate.getCurrentCatalog(session));
    }

    @Override
    public Set<String> listCatalogs(SessionHandle session) {
        return guarded(() -> delegate.listCatalogs(session));
    }

    @Override
    public Set<String> listDatabases(SessionHandle session, String catalog) {
        return guarded(() -> delegate.listDatabases(session, catalog));
    }

    @Override
    public Set<TableInfo> listTables(SessionHandle session, String catalog, String database,
            Set<CatalogBaseTable.TableKind> kinds) {
        return guarded(() -> delegate.listTables(session, catalog, database, kinds));
    }

    @Override
    public ResolvedCatalogBaseTable<?> getTable(SessionHandle session, ObjectIdentifier table) {
        return guarded(() -> delegate.getTable(session, table));
    }

    @Override
    public Set<FunctionInfo> listUserDefinedFunctions(SessionHandle session, String catalog, String database) {
        return guarded(() -> delegate.listUserDefinedFunctions(session, catalog, database));
    }

    @Override
    public Set<FunctionInfo> listSystemFunctions(SessionHandle session) {
        return guarded(() -> delegate.listSystemFunctions(session));
    }

    @Override
    public FunctionDefinition getFunctionDefinition(SessionHandle session, UnresolvedIdentifier function) {
        return guarded(() -> delegate.getFunctionDefinition(session, function));
    }

    @Override
    public GatewayInfo getGatewayInfo() {
        return delegate.getGatewayInfo();
    }

    @Override
    public List<String> completeStatement(SessionHandle session, String statement, int position) {
        return guarded(() -> delegate.completeStatement(session, statement, position));
    }

    @Override
    public OperationHandle refreshMaterializedTable(SessionHandle session, String materializedTable,
            boolean isPeriodic, String scheduleTime, Map<String, String> dynamicOptions,
            Map<String, String> staticPartitions, Map<String, String> executionConfig) {
        return guarded(() -> delegate.refreshMaterializedTable(session, materializedTable, isPeriodic, scheduleTime,
                dynamicOptions, staticPartitions, executionConfig));
    }
}
