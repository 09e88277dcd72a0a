package io.tributary.cluster;

import static java.util.Objects.requireNonNull;

import io.tributary.job.deploy.GatewayJobSubmitter;
import io.tributary.job.deploy.RestSessionCluster;
import io.tributary.job.deploy.StandaloneSessionTarget;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Standalone Flink session clusters, registered by the REST address of their JobManager. */
public final class StandaloneClusterConnector implements ClusterConnector {

    private final HttpClient http;
    private final GatewayJobSubmitter submitter;
    private final Duration probeTimeout;

    public StandaloneClusterConnector(HttpClient http, GatewayJobSubmitter submitter, Duration probeTimeout) {
        this.http = requireNonNull(http, "http is null");
        this.submitter = requireNonNull(submitter, "submitter is null");
        this.probeTimeout = requireNonNull(probeTimeout, "probeTimeout is null");
    }

    @Override
    public ClusterKind kind() {
        return ClusterKind.STANDALONE;
    }

    @Override
    public ClusterLocation locate(String restAddress, Map<String, String> settings) {
        if (settings != null && !settings.isEmpty()) {
            throw new InvalidClusterException("settings", "standalone clusters take no settings, only restAddress;"
                    + " got " + settings.keySet());
        }
        return new ClusterLocation(Optional.of(parseRestAddress(restAddress)), Map.of());
    }

    @Override
    public ClusterConnection connect(ClusterDefinition cluster) {
        URI address = cluster.restAddress().orElseThrow(
                () -> new IllegalStateException("standalone cluster " + cluster.id() + " has no REST address"));
        RestSessionCluster client = new RestSessionCluster(cluster.id(), address, http);
        return new TargetConnection(new StandaloneSessionTarget(cluster.id(), client, submitter),
                new FlinkRestProbe(address, http, probeTimeout), () -> { }, client::close);
    }

    /** {@code host:port} or {@code http(s)://host:port}, normalised to {@code scheme://host:port}. */
    static URI parseRestAddress(String restAddress) {
        if (restAddress == null || restAddress.isBlank()) {
            throw new InvalidClusterException("restAddress",
                    "restAddress is required, e.g. http://10.0.0.5:8081 (the JobManager's REST address)");
        }
        String text = restAddress.strip();
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
}
