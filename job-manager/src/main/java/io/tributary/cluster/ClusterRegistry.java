package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobState;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.EmbeddedSessionTarget;
import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.deploy.RestSessionCluster;
import io.tributary.job.deploy.StandaloneSessionTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clusters jobs can run on: the embedded one (id {@code embedded}, part of the server) and the registered
 * ones. A cluster is checked when it is registered (it must answer), and cannot be removed while jobs run on it.
 */
public final class ClusterRegistry implements AutoCloseable {

    private final ClusterRepository clusters;
    private final ManagedJobRepository jobs;
    private final DeploymentTarget embedded;
    private final GatewayJobSubmitter submitter;
    private final HttpClient http;
    private final Clock clock;
    private final Map<String, RestSessionCluster> connections = new ConcurrentHashMap<>();

    public ClusterRegistry(ClusterRepository clusters, ManagedJobRepository jobs, DeploymentTarget embedded,
            GatewayJobSubmitter submitter, HttpClient http, Clock clock) {
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.embedded = requireNonNull(embedded, "embedded is null");
        this.submitter = requireNonNull(submitter, "submitter is null");
        this.http = requireNonNull(http, "http is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Registers a cluster after checking that it answers. */
    public ClusterDefinition register(String name, String kind, String restAddress, String actor) {
        String cleanName = requireText(name, "name");
        ClusterKind clusterKind = ClusterKind.fromLabel(kind)
                .filter(candidate -> candidate == ClusterKind.STANDALONE)
                .orElseThrow(() -> new InvalidClusterException("kind", "unknown cluster kind '" + kind
                        + "'; registrable kinds: " + Arrays.asList(ClusterKind.STANDALONE.label())));
        URI address = parseRestAddress(restAddress);
        if (EmbeddedSessionTarget.CLUSTER_ID.equalsIgnoreCase(cleanName)) {
            throw new InvalidClusterException("name", "'" + cleanName + "' is the name of the embedded cluster");
        }
        String id = UUID.randomUUID().toString();
        RestSessionCluster connection = new RestSessionCluster(id, address, http);
        try {
            connection.checkReachable();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        ClusterDefinition cluster = new ClusterDefinition(id, cleanName, clusterKind, Optional.of(address), Map.of(),
                actor, clock.instant());
        try {
            clusters.insert(cluster);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        connections.put(id, connection);
        return cluster;
    }

    public Optional<ClusterDefinition> find(String id) {
        return clusters.find(id);
    }

    public List<ClusterDefinition> registered() {
        return clusters.list();
    }

    /** The deployment target of a cluster id, or empty when no such cluster exists. */
    public Optional<DeploymentTarget> target(String clusterId) {
        if (EmbeddedSessionTarget.CLUSTER_ID.equals(clusterId)) {
            return Optional.of(embedded);
        }
        return clusters.find(clusterId).map(cluster -> new StandaloneSessionTarget(cluster.id(),
                connections.computeIfAbsent(cluster.id(),
                        id -> new RestSessionCluster(id, cluster.restAddress().orElseThrow(), http)),
                submitter));
    }

    /** Removes a registered cluster that no managed job occupies. */
    public boolean remove(String clusterId) {
        if (EmbeddedSessionTarget.CLUSTER_ID.equals(clusterId)) {
            throw new InvalidClusterException("id", "the embedded cluster is part of the server and cannot be removed");
        }
        List<String> busy = jobs.list().stream()
                .filter(job -> job.clusterId().equals(clusterId) && job.state().active())
                .map(job -> job.name() + " (" + job.state() + ")")
                .toList();
        if (!busy.isEmpty()) {
            throw new ClusterInUseException(clusterId, busy);
        }
        boolean removed = clusters.delete(clusterId);
        Optional.ofNullable(connections.remove(clusterId)).ifPresent(RestSessionCluster::close);
        return removed;
    }

    private static URI parseRestAddress(String restAddress) {
        String text = requireText(restAddress, "restAddress");
        URI uri;
        try {
            uri = URI.create(text.contains("://") ? text : "http://" + text);
        } catch (IllegalArgumentException e) {
            throw new InvalidClusterException("restAddress", "'" + text + "' is not a URL: " + e.getMessage());
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new InvalidClusterException("restAddress", "'" + text + "' must be an http(s) URL");
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw new InvalidClusterException("restAddress",
                    "'" + text + "' must name a host and a port, e.g. http://127.0.0.1:8081");
        }
        return URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort());
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidClusterException(field, field + " is required");
        }
        return value.trim();
    }

    @Override
    public void close() {
        connections.values().forEach(RestSessionCluster::close);
        connections.clear();
    }
}
