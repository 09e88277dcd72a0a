package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterProbe;
import io.tributary.cluster.ClusterProbeException;
import io.tributary.cluster.ClusterResources;
import io.tributary.cluster.FlinkJobSummary;
import io.tributary.cluster.FlinkRestProbe;
import io.tributary.job.deploy.ClusterUnavailableException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * Asks a YARN session: the ResourceManager whether its application still runs (one request), then the session's
 * JobManager for its jobs ({@code /jobs/overview}) or resources. An application killed from outside fails the poll
 * with the ResourceManager's reason, so the cluster becomes LOST and its jobs say why.
 */
final class YarnSessionProbe implements ClusterProbe {

    private final YarnSessionTarget target;
    private final HttpClient http;
    private final Duration timeout;

    YarnSessionProbe(YarnSessionTarget target, HttpClient http, Duration timeout) {
        this.target = requireNonNull(target, "target is null");
        this.http = requireNonNull(http, "http is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    @Override
    public List<FlinkJobSummary> jobs() {
        return jobManager().jobs();
    }

    @Override
    public ClusterResources resources() {
        return jobManager().resources();
    }

    private FlinkRestProbe jobManager() {
        try {
            return new FlinkRestProbe(target.session().restAddress(), http, timeout);
        } catch (ClusterUnavailableException e) {
            throw new ClusterProbeException(e.getMessage());
        }
    }
}
