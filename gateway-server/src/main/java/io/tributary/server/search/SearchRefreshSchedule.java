package io.tributary.server.search;

import static java.util.Objects.requireNonNull;

import io.tributary.server.config.TributaryProperties;
import java.time.Duration;
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
 * Once the server is up: reads every stored catalog into the metadata index, then again every
 * {@code tributary.search.refresh-interval} (0: only at start-up and on demand).
 */
@Component
class SearchRefreshSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(SearchRefreshSchedule.class);

    private final MetadataIndexMaintainer maintainer;
    private final Duration interval;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-metadata-refresh");
        thread.setDaemon(true);
        return thread;
    });

    SearchRefreshSchedule(MetadataIndexMaintainer maintainer, TributaryProperties properties) {
        this.maintainer = requireNonNull(maintainer, "maintainer is null");
        this.interval = properties.search().refreshInterval();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        executor.execute(this::refresh);
        if (!interval.isZero() && !interval.isNegative()) {
            executor.scheduleWithFixedDelay(this::refresh, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(10, TimeUnit.SECONDS);
    }

    private void refresh() {
        try {
            maintainer.refreshAll();
        } catch (RuntimeException e) {
            LOG.warn("Refreshing the metadata index failed: {}", e.toString());
        }
    }
}
