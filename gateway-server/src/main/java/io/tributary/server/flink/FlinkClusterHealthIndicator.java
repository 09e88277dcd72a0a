package io.tributary.server.flink;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.apache.flink.runtime.messages.webmonitor.ClusterOverview;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/** Health of the embedded Flink cluster, from Flink's own cluster overview (actuator component "flinkCluster"). */
final class FlinkClusterHealthIndicator extends AbstractHealthIndicator {

    private final EmbeddedFlinkCluster cluster;

    FlinkClusterHealthIndicator(EmbeddedFlinkCluster cluster) {
        super("The embedded Flink cluster does not answer");
        this.cluster = requireNonNull(cluster, "cluster is null");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        if (!cluster.running()) {
            builder.down().withDetail("reason", "not running");
            return;
        }
        ClusterOverview overview = cluster.overview(Duration.ofSeconds(3));
        builder.status(overview.getNumTaskManagersConnected() > 0 ? "UP" : "DOWN")
                .withDetail("restAddress", cluster.restAddress().toString())
                .withDetail("taskManagers", overview.getNumTaskManagersConnected())
                .withDetail("slotsTotal", overview.getNumSlotsTotal())
                .withDetail("slotsAvailable", overview.getNumSlotsAvailable())
                .withDetail("jobsRunning", overview.getNumJobsRunningOrPending());
    }
}
