package io.tributary.benchmarks.clusters;

import io.tributary.event.ClusterHealthChanged;
import io.tributary.event.JobStateChanged;
import io.tributary.event.WatchEvent;
import io.tributary.event.WatchEventListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * When each event arrived (after its change was committed), by what it was about: {@code JOB_FAILED:<job id>} or
 * {@code CLUSTER_LOST:<cluster id>}. The benchmark waits for the event it expects and reads when it came.
 */
final class EventArrivals implements WatchEventListener {

    private final Map<String, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();

    @Override
    public void afterCommit(WatchEvent event) {
        long now = System.nanoTime();
        String subject = event instanceof JobStateChanged job ? job.job().id()
                : ((ClusterHealthChanged) event).clusterId();
        arrivals.computeIfAbsent(key(event.type().name(), subject), key -> new CompletableFuture<>()).complete(now);
    }

    /** Forgets an earlier arrival of this event, so that the next one can be awaited. */
    void forget(String type, String subject) {
        arrivals.remove(key(type, subject));
    }

    /** The {@link System#nanoTime()} at which the event arrived, waiting for it at most {@code timeout}. */
    long await(String type, String subject, Duration timeout) throws InterruptedException {
        CompletableFuture<Long> arrival =
                arrivals.computeIfAbsent(key(type, subject), key -> new CompletableFuture<>());
        try {
            return arrival.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no " + type + " event for " + subject + " within " + timeout);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static String key(String type, String subject) {
        return type + ":" + subject;
    }
}
