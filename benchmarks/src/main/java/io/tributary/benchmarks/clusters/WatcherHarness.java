package io.tributary.benchmarks.clusters;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.cluster.ClusterDefinition;
import io.tributary.cluster.ClusterHealthRepository;
import io.tributary.cluster.ClusterJobQueries;
import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.ClusterRegistry;
import io.tributary.cluster.ClusterRepository;
import io.tributary.cluster.ClusterWatchSettings;
import io.tributary.cluster.ClusterWatcher;
import io.tributary.cluster.FlinkRestProbe;
import io.tributary.cluster.StandaloneClusterConnector;
import io.tributary.cluster.TargetConnection;
import io.tributary.event.WatchEventListener;
import io.tributary.event.WatchEvents;
import io.tributary.job.JobSchema;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.deploy.EmbeddedSessionTarget;
import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.deploy.RestSessionCluster;
import io.tributary.job.lifecycle.JobDeployer;
import io.tributary.job.lifecycle.JobReconciler;
import io.tributary.metadata.MetadataMigrator;
import io.tributary.metadata.MetadataSchema;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The server's cluster watcher, built as the server builds it (JobsConfiguration) from job-manager's real classes —
 * the registry with the standalone connector, the job repository, the reconciler, the health records — on a real
 * metadata database (H2 in a file, migrated by the server's own migrations). Only job submission is absent: the
 * benchmark deploys nothing, its jobs are inserted as RUNNING.
 */
final class WatcherHarness implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HikariDataSource dataSource;
    private final DSLContext database;
    private final WatchEvents events = new WatchEvents();
    private final ManagedJobRepository jobs;
    private final JobVersionRepository versions;
    private final ClusterRegistry registry;
    private final ClusterWatcher watcher;

    /** The embedded cluster's REST address is the first simulated cluster's; the others are registered. */
    WatcherHarness(Path databaseDirectory, URI embeddedAddress, ClusterWatchSettings settings,
            WatchEventListener listener) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + databaseDirectory.resolve("metadata"));
        config.setUsername("tributary");
        config.setPassword("");
        config.setMaximumPoolSize(10);
        dataSource = new HikariDataSource(config);
        new MetadataMigrator(dataSource).migrate(List.of(MetadataSchema.CATALOG_SERVICE, JobSchema.SCHEMA));
        database = DSL.using(dataSource, SQLDialect.H2,
                new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false));
        events.register(requireNonNull(listener, "listener is null"));
        Clock clock = Clock.systemUTC();
        versions = new JobVersionRepository(database);
        jobs = new ManagedJobRepository(database, versions, clock, events);
        HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
        GatewayJobSubmitter submitter = new GatewayJobSubmitter(noGateway());
        RestSessionCluster embeddedClient = new RestSessionCluster(EmbeddedSessionTarget.CLUSTER_ID, embeddedAddress,
                http);
        ClusterDefinition embedded = new ClusterDefinition(EmbeddedSessionTarget.CLUSTER_ID,
                EmbeddedSessionTarget.CLUSTER_ID, ClusterKind.EMBEDDED, Optional.of(embeddedAddress), Map.of(),
                "tributary", clock.instant());
        registry = new ClusterRegistry(new ClusterRepository(database), jobs, embedded,
                new TargetConnection(new EmbeddedSessionTarget(embeddedClient, submitter),
                        new FlinkRestProbe(embeddedAddress, http, REQUEST_TIMEOUT), () -> { }, embeddedClient::close),
                List.of(new StandaloneClusterConnector(http, submitter, REQUEST_TIMEOUT)), clock);
        JobReconciler reconciler = new JobReconciler(jobs, registry, new JobDeployer(jobs, versions, registry));
        watcher = new ClusterWatcher(registry, jobs, new ClusterJobQueries(database), reconciler,
                new ClusterHealthRepository(database, events), settings, clock);
    }

    ClusterRegistry registry() {
        return registry;
    }

    ManagedJobRepository jobs() {
        return jobs;
    }

    JobVersionRepository versions() {
        return versions;
    }

    ClusterWatcher watcher() {
        return watcher;
    }

    /** A SQL Gateway that is never asked: the benchmark submits no job. */
    private static SqlGatewayService noGateway() {
        return (SqlGatewayService) Proxy.newProxyInstance(SqlGatewayService.class.getClassLoader(),
                new Class<?>[] {SqlGatewayService.class}, (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "toString" -> "no SQL Gateway";
                            case "hashCode" -> 0;
                            case "equals" -> proxy == arguments[0];
                            default -> throw new IllegalStateException("unexpected call: " + method.getName());
                        };
                    }
                    throw new IllegalStateException("the clusters benchmark submits no job, yet " + method.getName() + " was called");
                });
    }

    @Override
    public void close() {
        watcher.close();
        registry.close();
        dataSource.close();
    }
}
