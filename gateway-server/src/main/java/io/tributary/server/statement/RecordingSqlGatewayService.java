package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
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

/**
 * Flink's SQL Gateway service with every statement shown to the {@link StatementRecorder}: statements as they
 * arrive ({@code executeStatement}, {@code configureSession}), and their operations as clients follow them (fetch,
 * status, cancel, close) and as sessions open and close. Everything else passes through unchanged. The recorder
 * never fails a call, except to refuse a change running jobs depend on.
 */
final class RecordingSqlGatewayService implements SqlGatewayService {

    private final SqlGatewayService delegate;
    private final StatementRecorder recorder;

    RecordingSqlGatewayService(SqlGatewayService delegate, StatementRecorder recorder) {
        this.delegate = requireNonNull(delegate, "delegate is null");
        this.recorder = requireNonNull(recorder, "recorder is null");
    }

    @Override
    public SessionHandle openSession(SessionEnvironment environment) {
        SessionHandle handle = delegate.openSession(environment);
        recorder.sessionOpened(handle, environment);
        return handle;
    }

    @Override
    public void closeSession(SessionHandle session) {
        recorder.sessionClosing(session);
        try {
            delegate.closeSession(session);
        } finally {
            recorder.sessionClosed(session);
        }
    }

    @Override
    public OperationHandle executeStatement(SessionHandle session, String statement, long timeout,
            Configuration executionConfig) {
        Optional<StartedStatement> started = recorder.begin(session, statement, executionConfig);
        OperationHandle operation;
        try {
            operation = delegate.executeStatement(session, statement, timeout, executionConfig);
        } catch (RuntimeException e) {
            started.ifPresent(accepted -> recorder.failedToStart(accepted, e));
            throw e;
        }
        started.ifPresent(accepted -> recorder.started(accepted, operation));
        return operation;
    }

    @Override
    public void configureSession(SessionHandle session, String statement, long timeout) {
        Optional<StartedStatement> started = recorder.begin(session, statement, new Configuration());
        try {
            delegate.configureSession(session, statement, timeout);
        } catch (RuntimeException e) {
            started.ifPresent(accepted -> recorder.failedToStart(accepted, e));
            throw e;
        }
        started.ifPresent(recorder::configured);
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, long token, int maxRows) {
        ResultSet result;
        try {
            result = delegate.fetchResults(session, operation, token, maxRows);
        } catch (RuntimeException e) {
            recorder.fetchFailed(operation, e);
            throw e;
        }
        recorder.fetched(operation, token, result);
        return result;
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, FetchOrientation orientation,
            int maxRows) {
        ResultSet result;
        try {
            result = delegate.fetchResults(session, operation, orientation, maxRows);
        } catch (RuntimeException e) {
            recorder.fetchFailed(operation, e);
            throw e;
        }
        if (orientation == FetchOrientation.FETCH_NEXT) {
            recorder.fetched(operation, -1, result);
        }
        return result;
    }

    @Override
    public OperationInfo getOperationInfo(SessionHandle session, OperationHandle operation) {
        OperationInfo info = delegate.getOperationInfo(session, operation);
        recorder.observed(operation, info);
        return info;
    }

    @Override
    public void cancelOperation(SessionHandle session, OperationHandle operation) {
        delegate.cancelOperation(session, operation);
        recorder.canceled(operation);
    }

    @Override
    public void closeOperation(SessionHandle session, OperationHandle operation) {
        recorder.closing(operation);
        try {
            delegate.closeOperation(session, operation);
        } finally {
            recorder.closed(operation);
        }
    }

    @Override
    public Map<String, String> getSessionConfig(SessionHandle session) {
        return delegate.getSessionConfig(session);
    }

    @Override
    public EndpointVersion getSessionEndpointVersion(SessionHandle session) {
        return delegate.getSessionEndpointVersion(session);
    }

    @Override
    public OperationHandle submitOperation(SessionHandle session, Callable<ResultSet> executor) {
        return delegate.submitOperation(session, executor);
    }

    @Override
    public ResolvedSchema getOperationResultSchema(SessionHandle session, OperationHandle operation) {
        return delegate.getOperationResultSchema(session, operation);
    }

    @Override
    public String getCurrentCatalog(SessionHandle session) {
        return delegate.getCurrentCatalog(session);
    }

    @Override
    public Set<String> listCatalogs(SessionHandle session) {
        return delegate.listCatalogs(session);
    }

    @Override
    public Set<String> listDatabases(SessionHandle session, String catalog) {
        return delegate.listDatabases(session, catalog);
    }

    @Override
    public Set<TableInfo> listTables(SessionHandle session, String catalog, String database,
            Set<CatalogBaseTable.TableKind> kinds) {
        return delegate.listTables(session, catalog, database, kinds);
    }

    @Override
    public ResolvedCatalogBaseTable<?> getTable(SessionHandle session, ObjectIdentifier table) {
        return delegate.getTable(session, table);
    }

    @Override
    public Set<FunctionInfo> listUserDefinedFunctions(SessionHandle session, String catalog, String database) {
        return delegate.listUserDefinedFunctions(session, catalog, database);
    }

    @Override
    public Set<FunctionInfo> listSystemFunctions(SessionHandle session) {
        return delegate.listSystemFunctions(session);
    }

    @Override
    public FunctionDefinition getFunctionDefinition(SessionHandle session, UnresolvedIdentifier function) {
        return delegate.getFunctionDefinition(session, function);
    }

    @Override
    public GatewayInfo getGatewayInfo() {
        return delegate.getGatewayInfo();
    }

    @Override
    public List<String> completeStatement(SessionHandle session, String statement, int position) {
        return delegate.completeStatement(session, statement, position);
    }

    @Override
    public OperationHandle refreshMaterializedTable(SessionHandle session, String materializedTable,
            boolean isPeriodic, String scheduleTime, Map<String, String> dynamicOptions,
            Map<String, String> staticPartitions, Map<String, String> executionConfig) {
        return delegate.refreshMaterializedTable(session, materializedTable, isPeriodic, scheduleTime,
                dynamicOptions, staticPartitions, executionConfig);
    }
}
