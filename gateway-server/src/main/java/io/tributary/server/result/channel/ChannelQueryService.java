package io.tributary.server.result.channel;

import static java.util.Objects.requireNonNull;

import io.tributary.server.gateway.ForwardingSqlGatewayService;
import io.tributary.server.gateway.GatewaySessions;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.table.api.ResultKind;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.table.api.config.TableConfigOptions;
import org.apache.flink.table.api.internal.TableEnvironmentImpl;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.api.internal.TableResultImpl;
import org.apache.flink.table.api.internal.TableResultInternal;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.service.operation.OperationExecutor;
import org.apache.flink.table.gateway.service.result.ResultFetcher;
import org.apache.flink.table.gateway.service.session.Session;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.resource.ResourceManager;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the gateway's queries on the embedded cluster with a result channel in place of Flink's collect sink.
 * Flink's collect sink hands rows to the gateway a batch per request, through the JobManager, over a socket it
 * neither buffers on the sink's side nor on the reader's (a system call per row on each); a result channel is one
 * buffered connection from the query's sink to the server. Everything else is Flink's: the statement is a gateway
 * operation like any other (status, cancel, close, the REST protocol's result pages in every row format, the job
 * in the cluster's job list), fetched through the same result fetcher. A query whose session points elsewhere
 * (another cluster), a statement that is not a single query, a query inside a statement set, and a query the
 * planner cannot write to a sink take Flink's own path unchanged. The query's job does not restart after a failure
 * (rows already sent cannot be taken back): the failure is the query's error.
 */
public final class ChannelQueryService extends ForwardingSqlGatewayService {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelQueryService.class);
    static final String JOB_NAME = "collect";

    private final GatewaySessions sessions;
    private final ResultChannels channels;
    private final String clusterAddress;
    private final int clusterPort;

    public ChannelQueryService(SqlGatewayService delegate, GatewaySessions sessions, ResultChannels channels,
            String clusterAddress, int clusterPort) {
        super(delegate);
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.channels = requireNonNull(channels, "channels is null");
        this.clusterAddress = requireNonNull(clusterAddress, "clusterAddress is null");
        this.clusterPort = clusterPort;
    }

    @Override
    public OperationHandle executeStatement(SessionHandle sessionHandle, String statement, long timeout,
            Configuration executionConfig) {
        Optional<Session> open = sessions.session(sessionHandle);
        if (open.isEmpty() || timeout > 0) {
            return delegate.executeStatement(sessionHandle, statement, timeout, executionConfig);
        }
        Session session = open.get();
        session.touch();
        try {
            return session.getOperationManager().submitOperation(
                    operation -> execute(session, operation, statement, executionConfig));
        } catch (Throwable t) {
            LOG.error("Failed to execute statement.", t);
            throw new SqlGatewayException("Failed to execute statement.", t);
        }
    }

    private ResultFetcher execute(Session session, OperationHandle operation, String statement,
            Configuration executionConfig) {
        OperationExecutor executor = session.createExecutor(executionConfig);
        if (!QueryLead.mayBeQuery(statement) || executor.getSessionContext().isStatementSetState()
                || !onEmbeddedCluster(executor, executionConfig)) {
            return executor.executeStatement(operation, statement);
        }
        ResourceManager resources = executor.getSessionContext().getSessionState().resourceManager.copy();
        TableEnvironmentInternal environment = executor.getTableEnvironment(resources, new Configuration());
        QueryOperation query = singleQuery(environment, statement);
        if (query == null || !(environment instanceof TableEnvironmentImpl tables)) {
            return executor.executeStatement(operation, statement);
        }
        Configuration settings = environment.getConfig().getConfiguration();
        settings.set(TableConfigOptions.TABLE_DML_SYNC, false);
        settings.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        if (environment.getConfig().getOptional(PipelineOptions.NAME).isEmpty()) {
            settings.set(PipelineOptions.NAME, JOB_NAME);
        }
        ResolvedSchema schema = query.getResolvedSchema();
        DataType rowDataType = schema.toPhysicalRowDataType();
        RowType rowType = (RowType) rowDataType.getLogicalType();
        ResultChannel channel = channels.open();
        JobClient job;
        try {
            TableResult submitted = tables.createTable(query).insertInto(channel.sinkTable()).execute();
            job = submitted.getJobClient().orElseThrow(() -> new IllegalStateException("no job was submitted"));
        } catch (RuntimeException e) {
            // The planner cannot write this query to a sink (or the submission failed): Flink's own path, which
            // runs it or reports its error the stock way.
            channel.close();
            LOG.debug("Query of operation {} takes Flink's collect path: {}", operation, e.toString());
            return executor.executeStatement(operation, statement);
        }
        ChannelRowIterator rows = new ChannelRowIterator(channel, new RowDataSerializer(rowType), job);
        String zoneName = environment.getConfig().get(TableConfigOptions.LOCAL_TIME_ZONE);
        ZoneId zone = TableConfigOptions.LOCAL_TIME_ZONE.defaultValue().equals(zoneName) ? ZoneId.systemDefault()
                : ZoneId.of(zoneName);
        TableResultInternal result = TableResultImpl.builder()
                .jobClient(job)
                .resultKind(ResultKind.SUCCESS_WITH_CONTENT)
                .schema(schema)
                .resultProvider(new ChannelResultProvider(rows, rowDataType, new PlainTextRows(rowType, zone)))
                .build();
        return ResultFetcher.fromTableResult(operation, result, true).withResourceManager(resources);
    }

    /** The statement's operation if it is exactly one query; null for anything else, errors included. */
    private static QueryOperation singleQuery(TableEnvironmentInternal environment, String statement) {
        List<Operation> operations;
        try {
            operations = environment.getParser().parse(statement);
        } catch (RuntimeException e) {
            return null;
        }
        return operations.size() == 1 && operations.get(0) instanceof QueryOperation query ? query : null;
    }

    private boolean onEmbeddedCluster(OperationExecutor executor, Configuration executionConfig) {
        Configuration effective = executor.getSessionContext().getSessionConf().clone();
        effective.addAll(executionConfig);
        return "remote".equals(effective.get(DeploymentOptions.TARGET))
                && clusterAddress.equals(effective.get(RestOptions.ADDRESS))
                && clusterPort == effective.get(RestOptions.PORT);
    }
}
