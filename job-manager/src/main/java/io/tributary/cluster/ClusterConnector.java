package io.tributary.cluster;

import java.util.Map;

/**
 * One kind of cluster that can be registered: how a registration's fields are checked, how the cluster is made to
 * exist (a YARN session Tributary deploys) and ended, and how a registered cluster is reached. Standalone clusters
 * have one ({@link StandaloneClusterConnector}), the YARN kinds theirs (package {@code io.tributary.cluster.yarn});
 * the registry, the watcher and the API need no change for a new kind.
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

    /**
     * Makes a registration's cluster exist before it is stored, and returns its location as stored: e.g. a YARN
     * session registered without an application id is deployed here and its application id added. A failure leaves
     * nothing behind. By default the location as it is (a cluster that exists already).
     */
    default ClusterLocation provision(String name, ClusterLocation location) {
        return location;
    }

    /**
     * Ends what {@link #provision} started for a cluster that is removed (or whose registration failed after it was
     * provisioned), e.g. stops a YARN session Tributary deployed. By default nothing.
     */
    default void release(ClusterDefinition cluster) {
    }
}
