package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
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
 * A {@link SqlGatewayService} that hands every call to another one: the base of the decorators that change a few
 * calls ({@link GatewayServiceDecorator}), so that each says only what it changes.
 */
public abstract class ForwardingSqlGatewayService implements SqlGatewayService {

    protected final SqlGatewayService delegate;

    protected ForwardingSqlGatewayService(SqlGatewayService delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public SessionHandle openSession(SessionEnvironment environment) {
        return delegate.openSession(environment);
    }

    @Override
    public void closeSession(SessionHandle session) {
        delegate.closeSession(session);
    }

    @Override
    public OperationHandle executeStatement(SessionHandle session, String statement, long timeout,
            Configuration executionConfig) {
        return delegate.executeStatement(session, statement, timeout, executionConfig);
    }

    @Override
    public void configureSession(SessionHandle session, String statement, long timeout) {
        delegate.configureSession(session, statement, timeout);
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, long token, int maxRows) {
        return delegate.fetchResults(session, operation, token, maxRows);
    }

    @Override
    public ResultSet fetchResults(SessionHandle session, OperationHandle operation, FetchOrientation orientation,
            int maxRows) {
        return delegate.fetchResults(session, operation, orientation, maxRows);
    }

    @Override
    public OperationInfo getOperationInfo(SessionHandle session, OperationHandle operation) {
        return delegate.getOperationInfo(session, operation);
    }

    @Override
    public void cancelOperation(SessionHandle session, OperationHandle operation) {
        delegate.cancelOperation(session, operation);
    }

    @Override
    public void closeOperation(SessionHandle session, OperationHandle operation) {
        delegate.closeOperation(session, operation);
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
            boolean isPeriodic, String scheduleTime, Map<String, String> dynamicOptions, Map<String,
            String> staticPartitions, Map<String, String> executionConfig) {
        return delegate.refreshMaterializedTable(session, materializedTable, isPeriodic, scheduleTime,
                dynamicOptions, staticPartitions, executionConfig);
    }
}
