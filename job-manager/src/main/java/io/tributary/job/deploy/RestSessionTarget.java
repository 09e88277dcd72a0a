package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * What the session-cluster modes that are reached by a REST address share: jobs are submitted through a gateway
 * session with {@code execution.target=remote} pointed at the cluster, and operated with Flink's REST client.
 */
abstract class RestSessionTarget extends SessionClusterTarget {

    private final String clusterId;
    private final RestSessionCluster cluster;
    private final GatewayJobSubmitter submitter;

    RestSessionTarget(String clusterId, RestSessionCluster cluster, GatewayJobSubmitter submitter) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.cluster = requireNonNull(cluster, "cluster is null");
        this.submitter = requireNonNull(submitter, "submitter is null");
    }

    @Override
    public String clusterId() {
        return clusterId;
    }

    @Override
    public URI webUi() {
        return cluster.restAddress();
    }

    @Override
    public void checkReachable() {
        cluster.checkReachable();
    }

    @Override
    public String submit(JobVersion version, String jobName, String flinkJobId, Optional<String> restoreFrom) {
        URI address = cluster.restAddress();
        return submitter.submit(version, jobName, flinkJobId, Map.of(
                "execution.target", "remote",
                "rest.address", address.getHost(),
                "rest.port", Integer.toString(address.getPort())), restoreFrom);
    }

    @Override
    protected RestSessionCluster session() {
        return cluster;
    }
}
