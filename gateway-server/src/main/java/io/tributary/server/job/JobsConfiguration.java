package io.tributary.server.job;

import io.tributary.cluster.ClusterRegistry;
import io.tributary.cluster.ClusterRepository;
import io.tributary.cluster.ClusterWatcher;
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
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.flink.EmbeddedFlinkCluster;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Managed jobs: their store, the clusters they run on, and the operations on them. */
@Configuration(proxyBeanMethods = false)
public class JobsConfiguration {

    @Bean
    JobVersionRepository jobVersionRepository(DSLContext database) {
        return new JobVersionRepository(database);
    }

    /** With the listener that writes a state change's alerts in its transaction (AlertsConfiguration), if any. */
    @Bean
    ManagedJobRepository managedJobRepository(DSLContext database, JobVersionRepository versions, Clock clock,
            ObjectProvider<StateChangeListener> listener) {
        return new ManagedJobRepository(database, versions, clock,
                listener.getIfAvailable(() -> StateChangeListener.NONE));
    }

    @Bean
    HttpClient flinkRestHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Bean
    GatewayJobSubmitter gatewayJobSubmitter(EmbeddedSqlGateway gateway) {
        return new GatewayJobSubmitter(gateway.service());
    }

    @Bean(destroyMethod = "close")
    RestSessionCluster embeddedRestSessionCluster(EmbeddedFlinkCluster cluster, HttpClient http) {
        return new RestSessionCluster(EmbeddedSessionTarget.CLUSTER_ID, cluster.restAddress(), http);
    }

    @Bean(destroyMethod = "close")
    ClusterRegistry clusterRegistry(DSLContext database, ManagedJobRepository jobs,
            RestSessionCluster embeddedRestSessionCluster, GatewayJobSubmitter submitter, HttpClient http,
            Clock clock) {
        return new ClusterRegistry(new ClusterRepository(database), jobs,
                new EmbeddedSessionTarget(embeddedRestSessionCluster, submitter), submitter, http, clock);
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

    @Bean
    ClusterWatcher clusterWatcher(ManagedJobRepository jobs, ClusterRegistry clusters, JobReconciler reconciler) {
        return new ClusterWatcher(jobs, clusters, reconciler);
    }

    @Bean
    JobUpgrader jobUpgrader(ManagedJobRepository jobs, JobPromoter promoter, JobStopper stopper,
            JobDeployer deployer) {
        return new JobUpgrader(jobs, promoter, stopper, deployer);
    }

    @Bean
    JobPromoter jobPromoter(ManagedJobRepository jobs, ClusterRegistry clusters, EmbeddedSqlGateway gateway,
            Clock clock) {
        return new JobPromoter(jobs, clusters, gateway.service(), clock);
    }
}
