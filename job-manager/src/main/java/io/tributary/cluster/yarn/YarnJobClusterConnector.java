package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterConnection;
import io.tributary.cluster.ClusterConnector;
import io.tributary.cluster.ClusterDefinition;
import io.tributary.cluster.ClusterKind;
import io.tributary.cluster.ClusterLocation;
import io.tributary.cluster.TargetConnection;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * YARN environments where every job gets a Flink cluster of its own: {@code yarn-application} (Tributary's SQL
 * runner as the application) or {@code yarn-per-job} (the job graph compiled by the gateway). Registering one
 * checks the Hadoop configuration directory and that its ResourceManager answers; nothing is deployed until a job
 * is.
 */
public final class YarnJobClusterConnector implements ClusterConnector {

    private final ClusterKind kind;
    private final YarnJobLauncher launcher;
    private final HttpClient http;
    private final Duration probeTimeout;

    public YarnJobClusterConnector(ClusterKind kind, YarnJobLauncher launcher, HttpClient http,
            Duration probeTimeout) {
        this.kind = requireNonNull(kind, "kind is null");
        if (kind != ClusterKind.YARN_APPLICATION && kind != ClusterKind.YARN_PER_JOB) {
            throw new IllegalArgumentException("a cluster per job is yarn-application or yarn-per-job, not " + kind);
        }
        this.launcher = requireNonNull(launcher, "launcher is null");
        this.http = requireNonNull(http, "http is null");
        this.probeTimeout = requireNonNull(probeTimeout, "probeTimeout is null");
    }

    @Override
    public ClusterKind kind() {
        return kind;
    }

    @Override
    public ClusterLocation locate(String restAddress, Map<String, String> settings) {
        return YarnSessionConnector.locate(kind, restAddress, settings);
    }

    @Override
    public ClusterLocation provision(String name, ClusterLocation location) {
        try (YarnEnvironment environment = new YarnEnvironment(YarnSettings.parse(kind, location.settings()))) {
            environment.checkResourceManager();
        }
        return location;
    }

    @Override
    public ClusterConnection connect(ClusterDefinition cluster) {
        YarnEnvironment environment = new YarnEnvironment(YarnSettings.parse(kind, cluster.settings()));
        YarnJobClusterTarget target = new YarnJobClusterTarget(cluster.id(), kind, environment, launcher, http);
        return new TargetConnection(target, new YarnJobClusterProbe(cluster.id(), environment, http, probeTimeout),
                () -> { }, environment::close);
    }
}
