package io.tributary.cluster;

import java.util.List;

/** A cluster cannot be removed while managed jobs run on it; the message names them. */
public final class ClusterInUseException extends RuntimeException {
    public ClusterInUseException(String clusterId, List<String> jobs) {
        super("cluster " + clusterId + " runs managed jobs: " + String.join(", ", jobs)
                + "; stop or cancel them first");
    }
}
