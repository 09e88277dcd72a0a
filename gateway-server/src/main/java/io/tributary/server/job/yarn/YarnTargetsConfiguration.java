package io.tributary.server.job.yarn;

import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.yarn.YarnApplicationLauncher;
import io.tributary.cluster.yarn.YarnDeployments;
import io.tributary.cluster.yarn.YarnJobClusterConnector;
import io.tributary.cluster.yarn.YarnPerJobLauncher;
import io.tributary.cluster.yarn.YarnSessionConnector;
import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.runner.JobSpecWriter;
import io.tributary.runner.SqlJobRunner;
import io.tributary.server.config.TributaryProperties;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The YARN deployment targets: {@code yarn-session}, {@code yarn-per-job} and {@code yarn-application} clusters
 * (their connectors are collected by {@link io.tributary.server.job.JobsConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class YarnTargetsConfiguration {

    @Bean
    YarnDeployments yarnDeployments(TributaryProperties properties) {
        return new YarnDeployments(properties.yarn().deployTimeout());
    }

    @Bean
    YarnSessionConnector yarnSessionConnector(HttpClient http, GatewayJobSubmitter submitter,
            TributaryProperties properties, YarnDeployments deployments) {
        return new YarnSessionConnector(http, submitter, properties.clusters().requestTimeout(), deployments);
    }

    @Bean
    YarnJobClusterConnector yarnApplicationConnector(HttpClient http, JobSpecWriter specs,
            TributaryProperties properties, YarnDeployments deployments) {
        return new YarnJobClusterConnector(ClusterKind.YARN_APPLICATION,
                new YarnApplicationLauncher(specs, runnerJar(properties.yarn()), deployments), http,
                properties.clusters().requestTimeout());
    }

    @Bean
    YarnJobClusterConnector yarnPerJobConnector(HttpClient http, JobSpecWriter specs, YarnDeployments deployments,
            TributaryProperties properties) {
        return new YarnJobClusterConnector(ClusterKind.YARN_PER_JOB, new YarnPerJobLauncher(specs, deployments), http,
                properties.clusters().requestTimeout());
    }

    /**
     * {@code tributary.yarn.runner-jar}, or where the runner's classes are on the server's class path (its jar in
     * {@code lib/}; checked when a job is deployed, so that a server run from classes still starts).
     */
    static Path runnerJar(YarnProperties properties) {
        if (properties.runnerJar() != null && !properties.runnerJar().isBlank()) {
            return Path.of(properties.runnerJar().strip());
        }
        try {
            return Path.of(SqlJobRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot find the SQL runner's jar; set tributary.yarn.runner-jar", e);
        }
    }
}
