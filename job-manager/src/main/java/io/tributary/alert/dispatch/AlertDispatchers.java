package io.tributary.alert.dispatch;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.AlertChannelRepository;
import io.tributary.alert.channel.ChannelSenders;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one dispatcher thread per channel on this instance. Every instance runs them; each dispatcher sends only
 * while it holds its channel's lease ({@code alert-channel:<id>}), so across instances one dispatcher per channel
 * sends at a time, and another instance takes a channel over when the holder's lease lapses. The channel list is
 * read again every {@link DispatchSettings#channelRefresh()}: new channels get a dispatcher, deleted ones lose it.
 */
public final class AlertDispatchers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatchers.class);

    private final DSLContext database;
    private final AlertChannelRepository channels;
    private final AlertOutbox outbox;
    private final ChannelSenders senders;
    private final DispatchSettings settings;
    private final Clock clock;
    private final String holder;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService supervisor;
    private volatile boolean closed;

    private record Running(ChannelDispatcher dispatcher, Thread thread) {}

    /**
     * @param holder this instance's name in the leases; unique per running process
     */
    public AlertDispatchers(DSLContext database, AlertChannelRepository channels, AlertOutbox outbox,
            ChannelSenders senders, DispatchSettings settings, Clock clock, String holder) {
        this.database = requireNonNull(database, "database is null");
        this.channels = requireNonNull(channels, "channels is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.senders = requireNonNull(senders, "senders is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.holder = requireNonNull(holder, "holder is null");
        this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tributary-alerts-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The name of a channel's lease. */
    public static String leaseName(String channelId) {
        return "alert-channel:" + channelId;
    }

    public void start() {
        supervisor.scheduleWithFixedDelay(this::refresh, 0, settings.channelRefresh().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Reads the channels again now (after one was created or deleted through the API). */
    public void refreshSoon() {
        if (!closed) {
            supervisor.execute(this::refresh);
        }
    }

    /** Asks every dispatcher to look at the outbox now. */
    public void wakeUp() {
        running.values().forEach(entry -> entry.dispatcher().wakeUp());
    }

    /** Channel ids this instance dispatches right now (holds the lease of). */
    public Set<String> holding() {
        Set<String> held = new HashSet<>();
        running.forEach((id, entry) -> {
            if (entry.dispatcher().lease().held(clock.instant())) {
                held.add(id);
            }
        });
        return held;
    }

    private synchronized void refresh() {
        if (closed) {
            return;
        }
        try {
            List<AlertChannel> current = channels.list();
            Set<String> ids = new HashSet<>();
            for (AlertChannel channel : current) {
                ids.add(channel.id());
                running.computeIfAbsent(channel.id(), id -> launch(channel));
            }
            for (String id : Set.copyOf(running.keySet())) {
                if (!ids.contains(id)) {
                    stop(running.remove(id), true);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Reading the alert channels failed; trying again in {}: {}", settings.channelRefresh(),
                    e.toString());
        }
    }

    private Running launch(AlertChannel channel) {
        DatabaseLease lease = new DatabaseLease(database, leaseName(channel.id()), holder, settings.leaseDuration());
        ChannelDispatcher dispatcher = new ChannelDispatcher(channel, senders.forType(channel.type()), outbox, lease,
                settings, clock);
        Thread thread = new Thread(dispatcher, "tributary-alerts-" + channel.name());
        thread.setDaemon(true);
        thread.start();
        return new Running(dispatcher, thread);
    }

    private static void stop(Running entry, boolean release) {
        if (entry == null) {
            return;
        }
        entry.dispatcher().stop();
        entry.thread().interrupt();
        try {
            entry.thread().join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (release) {
            try {
                entry.dispatcher().lease().release();
            } catch (RuntimeException e) {
                LOG.debug("Releasing the lease of channel '{}' failed (it expires by itself): {}",
                        entry.dispatcher().channel().name(), e.toString());
            }
        }
    }

    /** Stops every dispatcher after its current request and gives the leases up. */
    @Override
    public synchronized void close() {
        closed = true;
        supervisor.shutdownNow();
        running.values().forEach(entry -> stop(entry, true));
        running.clear();
    }

    /**
     * Stops every thread at once, in the middle of whatever it does, without recording anything or giving the
     * leases up: what a crash leaves behind. For tests and benchmarks of recovery.
     */
    public synchronized void crash() {
        closed = true;
        supervisor.shutdownNow();
        running.values().forEach(entry -> {
            entry.dispatcher().stop();
            entry.thread().interrupt();
        });
        running.clear();
    }
}
