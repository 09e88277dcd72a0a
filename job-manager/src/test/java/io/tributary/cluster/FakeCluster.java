package io.tributary.cluster;

import io.tributary.job.JobVersion;
import io.tributary.job.deploy.ClusterUnavailableException;
import io.tributary.job.deploy.DeploymentTarget;
import io.tributary.job.deploy.FlinkRestDiagnostics;
import io.tributary.job.deploy.ObservedJob;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster in memory for the watcher's tests: the jobs and resources it answers are set by the test, it can be
 * made not to answer, and it counts the requests it gets. It answers no job operation.
 */
final class FakeCluster implements ClusterConnection, ClusterProbe {

    private final String clusterId;
    private final Map<String, FlinkJobSummary> jobs = new LinkedHashMap<>();
    private volatile ClusterResources resources = new ClusterResources(1, 4, 4, "1.20.0");
    private volatile String down;
    private volatile String overviewDown;
    final AtomicInteger jobsRequests = new AtomicInteger();
    final AtomicInteger overviewRequests = new AtomicInteger();

    FakeCluster(String clusterId) {
        this.clusterId = clusterId;
    }

    synchronized FakeCluster job(String flinkJobId, String name, String state) {
        jobs.put(flinkJobId, new FlinkJobSummary(flinkJobId, name, state,
                Instant.ofEpochMilli(1_000_000L + jobs.size()), Optional.empty(), Duration.ofSeconds(5)));
        return this;
    }

    FakeCluster resources(int taskManagers, int slotsTotal, int slotsFree) {
        resources = new ClusterResources(taskManagers, slotsTotal, slotsFree, "1.20.0");
        return this;
    }

    /** Stops answering (null: answers again). */
    FakeCluster down(String error) {
        down = error;
        return this;
    }

    FakeCluster overviewDown(String error) {
        overviewDown = error;
        return this;
    }

    @Override
    public synchronized List<FlinkJobSummary> jobs() {
        jobsRequests.incrementAndGet();
        if (down != null) {
            throw new ClusterProbeException(down);
        }
        return new ArrayList<>(jobs.values());
    }

    @Override
    public ClusterResources resources() {
        overviewRequests.incrementAndGet();
        if (down != null || overviewDown != null) {
            throw new ClusterProbeException(down != null ? down : overviewDown);
        }
        return resources;
    }

    @Override
    public DeploymentTarget target() {
        return target;
    }

    @Override
    public ClusterProbe probe() {
        return this;
    }

    @Override
    public void close() {}

    private final DeploymentTarget target = new DeploymentTarget() {
        @Override
        public String clusterId() {
            return clusterId;
        }

        @Override
        public String kind() {
            return "fake";
        }

        @Override
        public URI webUi() {
            return URI.create("http://127.0.0.1:1");
        }

        @Override
        public void checkReachable() {
            if (down != null) {
                throw new ClusterUnavailableException(clusterId, "fake", new IllegalStateException(down));
            }
        }

        @Override
        public String submit(JobVersion version, String jobName, String flinkJobId, Optional<String> restoreFrom) {
            throw new UnsupportedOperationException("the fake cluster runs no job");
        }

        @Override
        public ObservedJob observe(String flinkJobId) {
            throw new UnsupportedOperationException("the watcher never asks for one job");
        }

        @Override
        public CompletableFuture<String> stopWithSavepoint(String flinkJobId, String directory) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void cancel(String flinkJobId, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<String> latestRetainedCheckpoint(String flinkJobId) {
            return Optional.empty();
        }

        @Override
        public FlinkRestDiagnostics diagnostics() {
            throw new UnsupportedOperationException("no diagnostics in the fake cluster");
        }
    };
}
