package io.tributary.job.deploy;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.client.program.rest.RestClusterClient;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.rest.util.RestClientException;
import org.apache.flink.util.ExceptionUtils;

/**
 * A Flink session cluster reached through its REST address, driven by Flink's own {@link RestClusterClient}:
 * the job operations every session target shares.
 */
public final class RestSessionCluster implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final String clusterId;
    private final URI restAddress;
    private final RestClusterClient<String> client;
    private final FlinkRestDiagnostics diagnostics;

    public RestSessionCluster(String clusterId, URI restAddress, HttpClient http) {
        this.clusterId = requireNonNull(clusterId, "clusterId is null");
        this.restAddress = requireNonNull(restAddress, "restAddress is null");
        Configuration configuration = new Configuration();
        configuration.set(RestOptions.ADDRESS, restAddress.getHost());
        configuration.set(RestOptions.PORT, restAddress.getPort());
        configuration.set(RestOptions.RETRY_MAX_ATTEMPTS, 1);
        try {
            this.client = new RestClusterClient<>(configuration, clusterId);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a REST client for " + restAddress, e);
        }
        this.diagnostics = new FlinkRestDiagnostics(restAddress, http);
    }

    public URI restAddress() {
        return restAddress;
    }

    public FlinkRestDiagnostics diagnostics() {
        return diagnostics;
    }

    public void checkReachable() {
        try {
            diagnostics.clusterOverview();
        } catch (FlinkRestDiagnostics.FlinkRestException e) {
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        }
    }

    public ObservedJob observe(String flinkJobId) {
        try {
            JobStatus status = client.getJobStatus(JobID.fromHexString(flinkJobId))
                    .get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new ObservedJob(flinkJobId, Optional.of(status));
        } catch (ExecutionException e) {
            if (isNotFound(e)) {
                return ObservedJob.unknown(flinkJobId);
            }
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        } catch (TimeoutException e) {
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        }
    }

    public CompletableFuture<String> stopWithSavepoint(String flinkJobId, String directory) {
        return client.stopWithSavepoint(JobID.fromHexString(flinkJobId), false, directory,
                SavepointFormatType.CANONICAL);
    }

    public void cancel(String flinkJobId, Duration timeout) {
        JobID jobId = JobID.fromHexString(flinkJobId);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            client.cancel(jobId).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            while (System.nanoTime() < deadline) {
                JobStatus status = client.getJobStatus(jobId).get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                if (status.isGloballyTerminalState()) {
                    return;
                }
                Thread.sleep(100);
            }
            throw new ClusterUnavailableException(clusterId, restAddress.toString(),
                    new TimeoutException("job " + flinkJobId + " was not canceled within " + timeout));
        } catch (ExecutionException e) {
            if (isNotFound(e)) {
                return;
            }
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        } catch (TimeoutException e) {
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        }
    }

    public Optional<String> latestRetainedCheckpoint(String flinkJobId) {
        try {
            return diagnostics.latestCompletedCheckpointPath(flinkJobId);
        } catch (FlinkRestDiagnostics.FlinkRestException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw new ClusterUnavailableException(clusterId, restAddress.toString(), e);
        }
    }

    private static boolean isNotFound(Throwable failure) {
        return ExceptionUtils.findThrowable(failure, RestClientException.class)
                .map(rest -> rest.getHttpResponseStatus().code() == 404)
                .orElse(false)
                || ExceptionUtils.findThrowableWithMessage(failure, "FlinkJobNotFoundException").isPresent()
                || ExceptionUtils.findThrowableWithMessage(failure, "Could not find Flink job").isPresent();
    }

    @Override
    public void close() {
        client.close();
    }
}
