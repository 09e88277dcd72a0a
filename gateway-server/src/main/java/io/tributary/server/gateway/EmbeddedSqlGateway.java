package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.catalog.secret.SecretRedactor;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.flink.EmbeddedFlinkCluster;
import io.tributary.server.startup.StartupFailure;
import java.net.BindException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.operators.collect.CollectSinkOperatorFactory;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.config.SqlGatewayServiceConfigOptions;
import org.apache.flink.table.gateway.api.endpoint.SqlGatewayEndpoint;
import org.apache.flink.table.gateway.api.endpoint.SqlGatewayEndpointFactoryUtils;
import org.apache.flink.table.gateway.rest.util.SqlGatewayRestOptions;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.DefaultContext;
import org.apache.flink.table.gateway.service.session.SessionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flink's own {@link SqlGatewayService} and its REST endpoint (every API version Flink serves), embedded.
 * Sessions run their statements on the embedded cluster unless their properties point elsewhere
 * ({@code rest.address}/{@code rest.port}, or {@code execution.target} with that target's options).
 */
public final class EmbeddedSqlGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSqlGateway.class);
    private static final String REST = "rest";
    private static final String PORT_SETTING = "tributary.gateway.port (TRIBUTARY_GATEWAY_PORT)";
    /**
     * How much of a query's result Flink's collect sink hands to the gateway at once (Flink's default is 2 MB). The
     * gateway asks again at once after a full batch but waits 100 ms after an empty one, so with 2 MB a fast client
     * gets at most ~35,000 rows of ~60 bytes per 100 ms; the sink holds at most this much per running query.
     * Sessions can change it ({@code SET 'collect-sink.batch-size.max' = '2mb'}).
     */
    static final MemorySize RESULT_BATCH_SIZE = MemorySize.parse("8mb");

    private final TributaryProperties.Gateway settings;
    private final EmbeddedFlinkCluster cluster;
    private final List<SqlGatewayEndpoint> endpoints = new ArrayList<>();
    private TrackingSessionManager sessions;
    private volatile CompletableFuture<Void> warmUp = CompletableFuture.completedFuture(null);
    private SqlGatewayService service;
    private StoppableSqlGatewayService stoppable;

    private final List<ServerSessionOptions> serverOptions;

    private final SecretRedactor redactor;
    private final List<GatewayServiceDecorator> decorators;

    public EmbeddedSqlGateway(TributaryProperties.Gateway settings, EmbeddedFlinkCluster cluster,
            List<ServerSessionOptions> serverOptions, SecretRedactor redactor) {
        this(settings, cluster, serverOptions, redactor, List.of());
    }

    public EmbeddedSqlGateway(TributaryProperties.Gateway settings, EmbeddedFlinkCluster cluster,
            List<ServerSessionOptions> serverOptions, SecretRedactor redactor,
            List<GatewayServiceDecorator> decorators) {
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.decorators = List.copyOf(decorators);
        this.settings = requireNonNull(settings, "settings is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.serverOptions = List.copyOf(serverOptions);
    }

    /** What every new session starts from: the embedded cluster as target, then the configured defaults. */
    Configuration sessionDefaults() {
        Configuration configuration = new Configuration();
        configuration.set(DeploymentOptions.TARGET, "remote");
        configuration.set(RestOptions.ADDRESS, cluster.address());
        configuration.set(RestOptions.PORT, cluster.port());
        configuration.set(SqlGatewayServiceConfigOptions.SQL_GATEWAY_SESSION_IDLE_TIMEOUT,
                settings.sessionIdleTimeout());
        configuration.set(SqlGatewayServiceConfigOptions.SQL_GATEWAY_SESSION_MAX_NUM, settings.maxSessions());
        configuration.setString("sql-gateway.endpoint.type", REST);
        configuration.setString(restOption(SqlGatewayRestOptions.ADDRESS), settings.address());
        configuration.setString(restOption(SqlGatewayRestOptions.BIND_ADDRESS), settings.address());
        configuration.setString(restOption(SqlGatewayRestOptions.PORT), Integer.toString(settings.port()));
        configuration.setString(restOption(SqlGatewayRestOptions.BIND_PORT), Integer.toString(settings.port()));
        configuration.set(CollectSinkOperatorFactory.MAX_BATCH_SIZE, RESULT_BATCH_SIZE);
        settings.sessionDefaults().forEach(configuration::setString);
        serverOptions.forEach(server -> server.options().forEach(configuration::setString));
        return configuration;
    }

    /** The full key of an option of the REST endpoint (Flink declares them relative to the endpoint's prefix). */
    private static String restOption(ConfigOption<?> option) {
        return SqlGatewayEndpointFactoryUtils.getSqlGatewayOptionPrefix(REST) + option.key();
    }

    public synchronized void start() {
        // Sessions run on the embedded cluster at its configured address; the endpoint opens while the cluster may
        // still be starting (whatever needs the cluster running waits for it: the warm-up, the job registry).
        Configuration configuration = sessionDefaults();
        sessions = new TrackingSessionManager(SessionManager.create(new DefaultContext(configuration, List.of())),
                protectedKeys());
        sessions.start();
        SqlGatewayService flink = new SqlGatewayServiceImpl(sessions);
        for (GatewayServiceDecorator decorator : decorators) {
            flink = decorator.decorate(flink, sessions);
        }
        stoppable = new StoppableSqlGatewayService(flink);
        service = new RedactingSqlGatewayService(stoppable, redactor);
        endpoints.addAll(SqlGatewayEndpointFactoryUtils.createSqlGatewayEndpoint(service, configuration));
        for (SqlGatewayEndpoint endpoint : endpoints) {
            try {
                endpoint.start();
            } catch (Exception e) {
                close();
                if (isBindFailure(e)) {
                    throw new StartupFailure(PORT_SETTING, "port " + settings.port() + " on " + settings.address()
                            + " is already in use; stop what listens there or choose another port", e);
                }
                throw new StartupFailure("tributary.gateway", "the SQL Gateway endpoint did not start: "
                        + e.getMessage(), e);
            }
        }
        LOG.info("Flink SQL Gateway REST endpoint listening on http://{}:{}", settings.address(), settings.port());
        if (settings.warmUp()) {
            // In the background, while the rest of the server starts: the planner is warm by the time the first
            // user query arrives, and start-up does not wait for it.
            warmUp = CompletableFuture.runAsync(new PlannerWarmUp(service, cluster::restAddress)::run, runnable -> {
                Thread thread = new Thread(runnable, "tributary-planner-warm-up");
                thread.setDaemon(true);
                thread.start();
            });
        }
    }

    /** Keys a client may not set on its session: the server's own, and any catalog store choice. */
    private Set<String> protectedKeys() {
        Set<String> keys = new HashSet<>();
        serverOptions.forEach(server -> keys.addAll(server.options().keySet()));
        return keys;
    }

    /** True once the start-up warm-up query has run (or when warm-up is off). */
    public boolean warmedUp() {
        return warmUp.isDone();
    }

    public SqlGatewayService service() {
        SqlGatewayService current = service;
        if (current == null) {
            throw new IllegalStateException("the SQL Gateway is not running");
        }
        return current;
    }

    public String address() {
        return settings.address();
    }

    public int port() {
        return settings.port();
    }

    public int openSessions() {
        TrackingSessionManager current = sessions;
        return current == null ? 0 : current.openSessions();
    }

    @Override
    public synchronized void close() {
        warmUp.cancel(true);
        for (SqlGatewayEndpoint endpoint : endpoints) {
            try {
                endpoint.stop();
            } catch (Exception e) {
                LOG.warn("The SQL Gateway endpoint did not stop cleanly: {}", e.toString());
            }
        }
        endpoints.clear();
        if (sessions != null) {
            LOG.info("Closing {} open SQL Gateway session(s)", sessions.openSessions());
            sessions.stop();
            sessions = null;
        }
        service = null;
        if (stoppable != null) {
            stoppable.close();
            stoppable = null;
        }
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Could not start rest endpoint"))) {
                return true;
            }
        }
        return false;
    }
}
