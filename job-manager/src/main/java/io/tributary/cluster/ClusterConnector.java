package io.tributary.cluster;

import java.util.Map;

/**
 * One kind of cluster that can be registered: how a registration's fields are checked and how a registered
 * cluster is reached. This build has one for {@link ClusterKind#STANDALONE}; YARN and Kubernetes session clusters
 * plug in here with their deployment targets (their probe asks the ResourceManager's proxy, or the cluster's
 * service), and the registry, the watcher and the API need no change for them.
 */
public interface ClusterConnector {

    ClusterKind kind();

    /**
     * Checks the kind's fields of a registration or an edit and returns them normalised; a missing or wrong field
     * is an {@link InvalidClusterException} that names it. Makes no request.
     */
    ClusterLocation locate(String restAddress, Map<String, String> settings);

    /** Opens a connection to a registered cluster of this kind; makes no request. */
    ClusterConnection connect(ClusterDefinition cluster);
}
