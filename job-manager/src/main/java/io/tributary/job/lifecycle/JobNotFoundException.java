package io.tributary.job.lifecycle;

/** No managed job has this id. */
public final class JobNotFoundException extends RuntimeException {
    public JobNotFoundException(String jobId) {
        super("no managed job with id '" + jobId + "'");
    }
}
