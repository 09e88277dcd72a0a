package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.job.deploy.DeploymentException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.client.program.ClusterClient;
import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one deployment of Flink's YARN client (a session, an application cluster) with a time limit, and leaves
 * nothing behind when it fails: every application that carries the deployment's own tag and still runs is killed
 * (Flink's client kills what it submitted on most failures, but not when it is interrupted or times out).
 */
public final class YarnDeployments {

    private static final Logger LOG = LoggerFactory.getLogger(YarnDeployments.class);
    private static final EnumSet<YarnApplicationState> ENDED = EnumSet.of(YarnApplicationState.FINISHED,
            YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final Duration timeout;

    public YarnDeployments(Duration timeout) {
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    /** What deploys: one call of Flink's {@code YarnClusterDescriptor}. */
    @FunctionalInterface
    public interface Deployment {
        ClusterClientProvider<ApplicationId> deploy() throws Exception;
    }

    /**
     * Deploys and returns the application id; on failure kills what carries {@code tag} in {@code environment} and
     * throws a {@link DeploymentException} that says what {@code what} was.
     */
    public ApplicationId deploy(YarnEnvironment environment, String tag, String what, Deployment deployment) {
        ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread deployer = new Thread(runnable, "tributary-yarn-deploy");
            deployer.setDaemon(true);
            return deployer;
        });
        try {
            Future<ApplicationId> deployed = thread.submit(() -> {
                ClusterClientProvider<ApplicationId> provider = deployment.deploy();
                try (ClusterClient<ApplicationId> client = provider.getClusterClient()) {
                    return client.getClusterId();
                }
            });
            try {
                return deployed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                deployed.cancel(true);
                cleanUp(environment, tag);
                throw new DeploymentException(what + " did not start on YARN within " + timeout + " (ResourceManager "
                        + environment.resourceManager() + "); its application was killed", e);
            } catch (ExecutionException e) {
                cleanUp(environment, tag);
                throw new DeploymentException(what + " could not be deployed on YARN: "
                        + YarnEnvironment.rootMessage(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                deployed.cancel(true);
                cleanUp(environment, tag);
                throw new DeploymentException(what + ": interrupted while deploying on YARN", e);
            }
        } finally {
            thread.shutdownNow();
        }
    }

    /** Kills every application tagged {@code tag} that has not ended. */
    static void cleanUp(YarnEnvironment environment, String tag) {
        try {
            for (ApplicationReport report : environment.applicationsTagged(tag)) {
                if (!ENDED.contains(report.getYarnApplicationState())) {
                    LOG.info("Killing YARN application {} of a failed deployment", report.getApplicationId());
                    environment.client().killApplication(report.getApplicationId());
                }
            }
        } catch (Exception e) {
            LOG.warn("Could not clean up the YARN applications tagged {}: {}", tag, e.toString());
        }
    }
}
