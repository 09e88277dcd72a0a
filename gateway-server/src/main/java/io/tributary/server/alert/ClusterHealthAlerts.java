package io.tributary.server.alert;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.AlertEvent;
import io.tributary.alert.AlertEventType;
import io.tributary.alert.AlertPipeline;
import io.tributary.cluster.ClusterHealth;
import io.tributary.event.ClusterHealthChanged;
import io.tributary.event.WatchEvent;
import io.tributary.event.WatchEventListener;
import org.jooq.DSLContext;

/**
 * Turns the cluster watcher's health changes into alerts: a cluster LOST, and RECOVERED when it answers again.
 * The alert is written in the transaction that records the health change, so both are stored or neither.
 */
final class ClusterHealthAlerts implements WatchEventListener {

    private final AlertPipeline pipeline;
    private final Runnable wakeDispatchers;

    ClusterHealthAlerts(AlertPipeline pipeline, Runnable wakeDispatchers) {
        this.pipeline = requireNonNull(pipeline, "pipeline is null");
        this.wakeDispatchers = requireNonNull(wakeDispatchers, "wakeDispatchers is null");
    }

    @Override
    public void inTransaction(WatchEvent event, DSLContext transaction) {
        if (event instanceof ClusterHealthChanged change) {
            AlertEventType type = change.to() == ClusterHealth.LOST ? AlertEventType.CLUSTER_LOST
                    : change.from() == ClusterHealth.LOST ? AlertEventType.CLUSTER_RECOVERED : null;
            if (type != null) {
                pipeline.accept(transaction, AlertEvent.ofCluster(type, change.clusterId(), change.clusterName(),
                        change.reason() + " (" + change.activeJobs() + " managed jobs active)", change.at()));
            }
        }
    }

    @Override
    public void afterCommit(WatchEvent event) {
        if (event instanceof ClusterHealthChanged) {
            wakeDispatchers.run();
        }
    }
}
