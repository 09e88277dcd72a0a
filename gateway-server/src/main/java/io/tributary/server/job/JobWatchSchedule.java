package io.tributary.server.job;

import static java.util.Objects.requireNonNull;

import io.tributary.cluster.ClusterWatcher;
import io.tributary.job.lifecycle.JobReconciler;
import io.tributary.server.config.TributaryProperties;
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
 * Once the server is up: re-attaches every managed job that was active when it last stopped, then polls the
 * clusters that run managed jobs at the configured interval.
 */
@Component
class JobWatchSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(JobWatchSchedule.class);

    private final JobReconciler reconciler;
    private final ClusterWatcher watcher;
    private final long intervalMillis;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-cluster-watcher");
        thread.setDaemon(true);
        return thread;
    });

    JobWatchSchedule(JobReconciler reconciler, ClusterWatcher watcher, TributaryProperties properties) {
        this.reconciler = requireNonNull(reconciler, "reconciler is null");
        this.watcher = requireNonNull(watcher, "watcher is null");
        this.intervalMillis = properties.jobs().pollInterval().toMillis();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        executor.execute(this::reattach);
        executor.scheduleWithFixedDelay(this::poll, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
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

    private void poll() {
        try {
            watcher.poll();
        } catch (RuntimeException e) {
            LOG.warn("Polling the clusters failed: {}", e.toString());
        }
    }
}
