package io.tributary.server.job.kubernetes;

import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.deploy.kubernetes.KubernetesApplicationConnector;
import io.tributary.job.deploy.kubernetes.KubernetesSessionConnector;
import io.tributary.job.runner.JobSpecWriter;
import io.tributary.server.config.TributaryProperties;
import java.net.http.HttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Kubernetes deployment targets: {@code kubernetes-session} and {@code kubernetes-application} clusters (their
 * connectors are collected by {@link io.tributary.server.job.JobsConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class KubernetesTargetsConfiguration {

    @Bean
    KubernetesSessionConnector kubernetesSessionConnector(HttpClient http, GatewayJobSubmitter submitter,
            TributaryProperties properties) {
        return new KubernetesSessionConnector(http, submitter, properties.clusters().requestTimeout());
    }

    /**
     * The spec writer is the SQL runner's (a bean of the configuration that ships the runner); it is looked up when
     * a job is deployed, so that this configuration does not depend on the order configurations are read in.
     */
    @Bean
    KubernetesApplicationConnector kubernetesApplicationConnector(HttpClient http,
            ObjectProvider<JobSpecWriter> specs, TributaryProperties properties) {
        JobSpecWriter runnerSpecs = version -> specs.getObject().write(version);
        return new KubernetesApplicationConnector(http, runnerSpecs, properties.clusters().requestTimeout());
    }
}
