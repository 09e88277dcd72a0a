package io.tributary.cluster;

import java.util.List;

/**
 * How the watcher asks one cluster: every job in one request, its resources in another. A REST-addressed session
 * cluster answers Flink's {@code /jobs/overview} and {@code /overview} itself ({@link FlinkRestProbe}); a YARN
 * session cluster answers the same through the ResourceManager's proxy. Both throw {@link ClusterProbeException}
 * when the cluster does not answer, or answers something else than Flink's answer.
 */
public interface ClusterProbe {

    /** Every job the cluster knows (running and recently ended), from one request. */
    List<FlinkJobSummary> jobs();

    /** TaskManagers, task slots and Flink version, from one request. */
    ClusterResources resources();
}
