package io.tributary.job.deploy;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * What every session-cluster target shares once its jobs run: they are observed, stopped, cancelled and diagnosed
 * through Flink's REST client of the session ({@link #session()}), wherever the session lives (a fixed address, a
 * YARN application, a Kubernetes service).
 */
public abstract class SessionClusterTarget implements DeploymentTarget {

    /** Flink's REST client of the session as it can be reached now. */
    protected abstract RestSessionCluster session();

    @Override
    public ObservedJob observe(String flinkJobId) {
        return session().observe(flinkJobId);
    }

    @Override
    public CompletableFuture<String> stopWithSavepoint(String flinkJobId, String directory) {
        return session().stopWithSavepoint(flinkJobId, directory);
    }

    @Override
    public void cancel(String flinkJobId, Duration timeout) {
        session().cancel(flinkJobId, timeout);
    }

    @Override
    public Optional<String> latestRetainedCheckpoint(String flinkJobId) {
        return session().latestRetainedCheckpoint(flinkJobId);
    }

    @Override
    public FlinkRestDiagnostics diagnostics() {
        return session().diagnostics();
    }

    /** Session clusters get their jobs through the server's gateway, which plans them first. */
    @Override
    public boolean plansInServer() {
        return true;
    }
}
