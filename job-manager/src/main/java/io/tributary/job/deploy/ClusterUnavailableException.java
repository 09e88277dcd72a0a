package io.tributary.job.deploy;

/** The cluster a job runs on does not answer; nothing about the job was changed. */
public final class ClusterUnavailableException extends RuntimeException {
    public ClusterUnavailableException(String clusterId, String address, Throwable cause) {
        super("cluster '" + clusterId + "' at " + address + " does not answer: " + rootMessage(cause), cause);
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
