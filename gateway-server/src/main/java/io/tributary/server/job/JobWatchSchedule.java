package io.tributary.server.job;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterWatcher;
import io.tributary.job.lifecycle.JobReconciler;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the server is up: re-attaches every managed job that was active when it last stopped, then lets the
 * cluster watcher poll every cluster that is due, every tick (the fast interval: a cluster with an operation in
 * flight is polled that often, the others at the poll interval, a LOST one at its backoff).
 */
@Component
class JobWatchSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(JobWatchSchedule.class);

    private final JobReconciler reconciler;
    private final ClusterWatcher watcher;
    private final long tickMillis;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-cluster-watcher");
        thread.setDaemon(true);
        return thread;
    });

    JobWatchSchedule(JobReconciler reconciler, ClusterWatcher watcher) {
        this.reconciler = requireNonNull(reconciler, "reconciler is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.tickMillis = watcher.tickInterval().toMillis();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        executor.execute(this::reattach);
        executor.scheduleAtFixedRate(this::tick, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void reattach() {
        try {
            reconciler.reattachAll();
        } catch (RuntimeException e) {
            LOG.error("Re-attaching managed jobs failed; the watcher will retry them", e);
        }
    }

    private void tick() {
        try {
            watcher.tick();
        } catch (RuntimeException e) {
            LOG.warn("Polling the clusters failed: {}", e.toString());
        }
    }
}
