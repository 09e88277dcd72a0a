package io.tributary.server.job;

import io.tributary.catalog.store.CatalogDefinitionRepository;
import io.tributary.cluster.ClusterConnector;
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
import io.tributary.event.RecentEvents;
import io.tributary.event.WatchEventListener;
import io.tributary.event.WatchEvents;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChangeListener;
import io.tributary.job.deploy.EmbeddedSessionTarget;
import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.deploy.RestSessionCluster;
import io.tributary.job.lifecycle.JobDeployer;
import io.tributary.job.lifecycle.JobLifecycleSettings;
import io.tributary.job.lifecycle.JobReconciler;
import io.tributary.job.lifecycle.JobStopper;
import io.tributary.job.lifecycle.JobUpgrader;
import io.tributary.job.promote.JobPromoter;
import io.tributary.job.runner.JobSpecWriter;
import io.tributary.job.runner.JsonJobSpecWriter;
import io.tributary.job.sql.WarmSessions;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.flink.EmbeddedFlinkCluster;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Managed jobs: their store, the clusters they run on, and the operations on them. */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    /** How many validated sessions wait for their deploy at most. */
    private static final int WARM_SESSIONS = 8;
    /** How long one statement of a job's validation or submission may run. */
    private static final Duration JOB_STATEMENT_TIMEOUT = Duration.ofMinutes(2);

    /** The frozen job versions as the SQL runner reads them (YARN per-job/application, Kubernetes application). */
    @Bean
    JobSpecWriter jobSpecWriter(CatalogDefinitionRepository catalogs) {
        return new JsonJobSpecWriter(catalogs);
    }

    @Bean
    JobVersionRepository jobVersionRepository(DSLContext database) {
        return new JobVersionRepository(database);
    }

    /** Every job and cluster event goes through here, to every {@link WatchEventListener} bean. */
    @Bean
    WatchEvents watchEvents() {
        return new WatchEvents();
    }

    /**
     * Registers the {@link WatchEventListener} beans (the recent-events view, alerting) once every bean exists, so
     * that a listener may depend on beans that publish events.
     */
    @Bean
    SmartInitializingSingleton watchEventListenerRegistration(WatchEvents events,
            ObjectProvider<WatchEventListener> listeners) {
        return () -> listeners.orderedStream().forEach(events::register);
    }

    @Bean
    RecentEvents recentEvents(TributaryProperties properties) {
        return new RecentEvents(properties.clusters().recentEvents());
    }

    /** With the listener that writes a state change's alerts in its transaction (AlertsConfiguration), if any. */
    @Bean
    ManagedJobRepository managedJobRepository(DSLContext database, JobVersionRepository versions, Clock clock,
            WatchEvents events, ObjectProvider<StateChangeListener> listener) {
        return new ManagedJobRepository(database, versions, clock, events,
                listener.getIfAvailable(() -> StateChangeListener.NONE));
    }

    @Bean
    HttpClient flinkRestHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The server's sessions for validating and submitting jobs, kept warm between a promotion and its deploy. */
    @Bean(destroyMethod = "close")
    WarmSessions jobSessions(EmbeddedSqlGateway gateway, TributaryProperties properties) {
        return new WarmSessions(gateway.service(), properties.jobs().warmSessionTimeout(), WARM_SESSIONS,
                JOB_STATEMENT_TIMEOUT);
    }

    @Bean
    GatewayJobSubmitter gatewayJobSubmitter(WarmSessions jobSessions) {
        return new GatewayJobSubmitter(jobSessions);
    }

    @Bean(destroyMethod = "close")
    RestSessionCluster embeddedRestSessionCluster(EmbeddedFlinkCluster cluster, HttpClient http) {
        return new RestSessionCluster(EmbeddedSessionTarget.CLUSTER_ID, cluster.restAddress(), http);
    }

    @Bean(destroyMethod = "close")
    ClusterRegistry clusterRegistry(DSLContext database, ManagedJobRepository jobs, EmbeddedFlinkCluster cluster,
            RestSessionCluster embeddedRestSessionCluster, GatewayJobSubmitter submitter, HttpClient http,
            TributaryProperties properties, ObjectProvider<ClusterConnector> connectors, Clock clock) {
        Duration probeTimeout = properties.clusters().requestTimeout();
        ClusterDefinition embedded = new ClusterDefinition(EmbeddedSessionTarget.CLUSTER_ID,
                EmbeddedSessionTarget.CLUSTER_ID, ClusterKind.EMBEDDED, Optional.of(cluster.restAddress()), Map.of(),
                "tributary", clock.instant());
        // The embedded cluster's REST client lives as long as the server: closing the connection leaves it open.
        TargetConnection embeddedConnection = new TargetConnection(
                new EmbeddedSessionTarget(embeddedRestSessionCluster, submitter, cluster::running),
                new FlinkRestProbe(cluster.restAddress(), http, probeTimeout), () -> { }, () -> { });
        // YARN and Kubernetes connectors are beans of their own configurations.
        List<ClusterConnector> all = new ArrayList<>();
        all.add(new StandaloneClusterConnector(http, submitter, probeTimeout));
        connectors.orderedStream().forEach(all::add);
        return new ClusterRegistry(new ClusterRepository(database), jobs, embedded, embeddedConnection, all, clock);
    }

    @Bean
    ClusterHealthRepository clusterHealthRepository(DSLContext database, WatchEvents events) {
        return new ClusterHealthRepository(database, events);
    }

    @Bean
    ClusterWatchSettings clusterWatchSettings(TributaryProperties properties) {
        Duration interval = properties.jobs().pollInterval();
        TributaryProperties.Clusters clusters = properties.clusters();
        Duration maxBackoff = clusters.maxBackoff().compareTo(interval) < 0 ? interval : clusters.maxBackoff();
        return new ClusterWatchSettings(interval, clusters.inFlightSpeedUp(), clusters.overviewEveryPolls(),
                clusters.lostAfterFailedPolls(), maxBackoff, clusters.slowResponse(), clusters.pollThreads());
    }

    @Bean
    JobLifecycleSettings jobLifecycleSettings(TributaryProperties properties) {
        TributaryProperties.Jobs jobs = properties.jobs();
        String savepoints = jobs.savepointDir() == null || jobs.savepointDir().isBlank()
                ? savepointsUnder(properties.dataDir())
                : jobs.savepointDir().strip();
        return new JobLifecycleSettings(savepoints, jobs.savepointTimeout(), jobs.cancelTimeout());
    }

    private static String savepointsUnder(Path dataDir) {
        return dataDir.toAbsolutePath().normalize().resolve("savepoints").toUri().toString();
    }

    @Bean
    JobDeployer jobDeployer(ManagedJobRepository jobs, JobVersionRepository versions, ClusterRegistry clusters) {
        return new JobDeployer(jobs, versions, clusters);
    }

    @Bean
    JobStopper jobStopper(ManagedJobRepository jobs, ClusterRegistry clusters, JobLifecycleSettings settings) {
        return new JobStopper(jobs, clusters, settings);
    }

    @Bean
    JobReconciler jobReconciler(ManagedJobRepository jobs, ClusterRegistry clusters, JobDeployer deployer) {
        return new JobReconciler(jobs, clusters, deployer);
    }

    @Bean(destroyMethod = "close")
    ClusterWatcher clusterWatcher(ClusterRegistry clusters, ManagedJobRepository jobs, DSLContext database,
            JobReconciler reconciler, ClusterHealthRepository health, ClusterWatchSettings settings, Clock clock) {
        return new ClusterWatcher(clusters, jobs, new ClusterJobQueries(database), reconciler, health, settings,
                clock);
    }

    /** With the threads of the deploys that follow an upgrade's stop with savepoint (they wait for Flink). */
    @Bean(destroyMethod = "close")
    JobUpgrader jobUpgrader(ManagedJobRepository jobs, JobPromoter promoter, JobStopper stopper,
            JobDeployer deployer) {
        return new JobUpgrader(jobs, promoter, stopper, deployer, Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "tributary-redeploy");
            thread.setDaemon(true);
            return thread;
        }));
    }

    @Bean
    JobPromoter jobPromoter(ManagedJobRepository jobs, ClusterRegistry clusters, WarmSessions jobSessions,
            Clock clock) {
        return new JobPromoter(jobs, clusters, jobSessions, clock);
    }
}
