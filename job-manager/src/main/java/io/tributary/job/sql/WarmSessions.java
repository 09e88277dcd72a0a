package io.tributary.job.sql;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own gateway sessions, kept open between the operations of managed jobs: a promotion validates its
 * statement in a session set up like the user's (options, catalog and database, temporary DDL), and the deploy that
 * follows submits in that same session instead of opening and setting up another. A session is lent to one
 * operation at a time; it goes back only after the operation succeeded, and is closed when it stayed unused for the
 * idle timeout, when it is older than {@link #MAX_AGE} (so that it sees catalog changes made elsewhere), or when
 * more than {@code capacity} sessions wait. With an idle timeout of zero every operation opens a session of its own
 * and closes it.
 */
public final class WarmSessions implements AutoCloseable {

    /** A session is not lent again once this old: it was set up with the catalogs as they were then. */
    public static final Duration MAX_AGE = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WarmSessions.class);
    private static final String SESSION_NAME = "tributary-jobs";

    private final SqlGatewayService gateway;
    private final Duration idleTimeout;
    private final int capacity;
    private final Duration statementTimeout;
    /** Idle sessions by set-up, each queue oldest-returned first; the map in order of the last return. */
    private final Map<SessionSetup, Deque<Idle>> idle = new LinkedHashMap<>(16, 0.75f, true);
    private final ScheduledExecutorService reaper;
    private int idleCount;
    private boolean closed;

    /**
     * @param idleTimeout how long an unused session stays open (zero: sessions are not kept)
     * @param capacity how many unused sessions stay open at most
     * @param statementTimeout how long one statement may run
     */
    public WarmSessions(SqlGatewayService gateway, Duration idleTimeout, int capacity, Duration statementTimeout) {
        this.gateway = requireNonNull(gateway, "gateway is null");
        this.idleTimeout = requireNonNull(idleTimeout, "idleTimeout is null");
        this.statementTimeout = requireNonNull(statementTimeout, "statementTimeout is null");
        if (idleTimeout.isNegative() || capacity < 0) {
            throw new IllegalArgumentException("idle timeout and capacity cannot be negative");
        }
        this.capacity = idleTimeout.isZero() ? 0 : capacity;
        if (this.capacity == 0) {
            this.reaper = null;
        } else {
            this.reaper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "tributary-warm-sessions");
                thread.setDaemon(true);
                return thread;
            });
            long period = Math.max(1_000, idleTimeout.toMillis() / 2);
            reaper.scheduleWithFixedDelay(this::closeExpired, period, period, TimeUnit.MILLISECONDS);
        }
    }

    /** Sessions that are opened for every operation and closed after it. */
    public static WarmSessions none(SqlGatewayService gateway, Duration statementTimeout) {
        return new WarmSessions(gateway, Duration.ZERO, 0, statementTimeout);
    }

    /**
     * A session set up as {@code setup} says: one left by an earlier operation, or a new one that {@code prepare}
     * sets up (its failures propagate, and that session is closed).
     */
    public Lease lease(SessionSetup setup, BiConsumer<ScratchSession, SessionSetup> prepare) {
        requireNonNull(setup, "setup is null");
        requireNonNull(prepare, "prepare is null");
        ScratchSession warm = take(setup);
        if (warm != null) {
            return new Lease(setup, warm, true);
        }
        ScratchSession session = new ScratchSession(gateway, SESSION_NAME, setup.options(), statementTimeout);
        try {
            prepare.accept(session, setup);
        } catch (RuntimeException e) {
            closeQuietly(session);
            throw e;
        }
        return new Lease(setup, session, false);
    }

    private ScratchSession take(SessionSetup setup) {
        List<ScratchSession> stale = new ArrayList<>();
        ScratchSession found = null;
        synchronized (this) {
            Deque<Idle> sessions = idle.get(setup);
            while (found == null && sessions != null && !sessions.isEmpty()) {
                Idle candidate = sessions.pollLast();
                idleCount--;
                if (candidate.session().age().compareTo(MAX_AGE) < 0) {
                    found = candidate.session();
                } else {
                    stale.add(candidate.session());
                }
            }
            if (sessions != null && sessions.isEmpty()) {
                idle.remove(setup);
            }
        }
        stale.forEach(WarmSessions::closeQuietly);
        if (found != null && !found.isOpen()) {
            closeQuietly(found);
            return take(setup);
        }
        return found;
    }

    private void giveBack(SessionSetup setup, ScratchSession session) {
        List<ScratchSession> evicted = new ArrayList<>();
        synchronized (this) {
            if (closed || capacity == 0 || session.age().compareTo(MAX_AGE) >= 0) {
                evicted.add(session);
            } else {
                idle.computeIfAbsent(setup, key -> new ArrayDeque<>()).addLast(new Idle(session, System.nanoTime()));
                idleCount++;
                // The least recently returned set-up gives way first.
                Iterator<Map.Entry<SessionSetup, Deque<Idle>>> eldest = idle.entrySet().iterator();
                while (idleCount > capacity && eldest.hasNext()) {
                    Deque<Idle> sessions = eldest.next().getValue();
                    evicted.add(sessions.pollFirst().session());
                    idleCount--;
                    if (sessions.isEmpty()) {
                        eldest.remove();
                    }
                }
            }
        }
        evicted.forEach(WarmSessions::closeQuietly);
    }

    private void closeExpired() {
        List<ScratchSession> expired = new ArrayList<>();
        long now = System.nanoTime();
        synchronized (this) {
            Iterator<Deque<Idle>> all = idle.values().iterator();
            while (all.hasNext()) {
                Deque<Idle> sessions = all.next();
                sessions.removeIf(entry -> {
                    boolean expire = now - entry.returnedNanos() >= idleTimeout.toNanos()
                            || entry.session().age().compareTo(MAX_AGE) >= 0;
                    if (expire) {
                        expired.add(entry.session());
                    }
                    return expire;
                });
                if (sessions.isEmpty()) {
                    all.remove();
                }
            }
            idleCount -= expired.size();
        }
        expired.forEach(WarmSessions::closeQuietly);
    }

    /** How many sessions wait for their next operation. */
    public synchronized int idleSessions() {
        return idleCount;
    }

    @Override
    public void close() {
        List<ScratchSession> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            idle.values().forEach(sessions -> sessions.forEach(entry -> all.add(entry.session())));
            idle.clear();
            idleCount = 0;
        }
        if (reaper != null) {
            reaper.shutdownNow();
        }
        all.forEach(WarmSessions::closeQuietly);
    }

    private static void closeQuietly(ScratchSession session) {
        try {
            session.close();
        } catch (RuntimeException e) {
            // Already gone (the gateway stopped, or Flink expired it): nothing to release.
            LOG.debug("Closing a job session failed: {}", e.toString());
        }
    }

    private record Idle(ScratchSession session, long returnedNanos) {}

    /**
     * One operation's use of a session. {@link #keep()} once the operation succeeded lets the session serve the next
     * one; otherwise {@link #close()} closes it.
     */
    public final class Lease implements AutoCloseable {
        private final SessionSetup setup;
        private final ScratchSession session;
        private final boolean warm;
        private boolean keep;
        private boolean done;

        private Lease(SessionSetup setup, ScratchSession session, boolean warm) {
            this.setup = setup;
            this.session = session;
            this.warm = warm;
        }

        public ScratchSession session() {
            return session;
        }

        /** True when an earlier operation had set the session up. */
        public boolean warm() {
            return warm;
        }

        /** The operation succeeded: the session may serve the next one set up the same way. */
        public void keep() {
            keep = true;
        }

        @Override
        public void close() {
            if (done) {
                return;
            }
            done = true;
            if (keep) {
                giveBack(setup, session);
            } else {
                closeQuietly(session);
            }
        }
    }
}
