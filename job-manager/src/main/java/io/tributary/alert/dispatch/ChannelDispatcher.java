package io.tributary.alert.dispatch;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.ChannelSender;
import io.tributary.alert.channel.OutgoingMessage;
import io.tributary.alert.channel.SendOutcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one channel's alerts, in order, while it holds the channel's lease. Each step:
 * <ol>
 *   <li>The oldest message not yet accepted is sent again when its retry is due (after a crash too: same key).</li>
 *   <li>Otherwise, when the rate limit allows a request, the pending alerts become a message: the oldest alone
 *       while the pending ones fit into what the limit allows right now, else all of them in one digest (split
 *       into parts only when the platform's size limit forces it).</li>
 *   <li>Accepted: its alerts are DELIVERED. Throttled or failed: retried with exponential backoff, never before
 *       the Retry-After the channel asked for; after the last attempt, or at once when the channel rejects it for
 *       good, its alerts are FAILED with the reason.</li>
 * </ol>
 */
final class ChannelDispatcher implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelDispatcher.class);
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final AlertChannel channel;
    private final ChannelSender sender;
    private final AlertOutbox outbox;
    private final DatabaseLease lease;
    private final DispatchSettings settings;
    private final Clock clock;
    private final SlidingWindowLimiter limiter;
    private final Object signal = new Object();
    private volatile boolean stopped;
    private boolean holding;

    ChannelDispatcher(AlertChannel channel, ChannelSender sender, AlertOutbox outbox, DatabaseLease lease,
            DispatchSettings settings, Clock clock) {
        this.channel = requireNonNull(channel, "channel is null");
        this.sender = requireNonNull(sender, "sender is null");
        this.outbox = requireNonNull(outbox, "outbox is null");
        this.lease = requireNonNull(lease, "lease is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.limiter = new SlidingWindowLimiter(channel.ratePerMinute(settings.defaultRate(channel.type())),
                DispatchSettings.RATE_WINDOW);
    }

    AlertChannel channel() {
        return channel;
    }

    @Override
    public void run() {
        while (!stopped && !Thread.currentThread().isInterrupted()) {
            Duration wait;
            try {
                wait = step();
            } catch (InterruptedException e) {
                return; // stopped (or a simulated crash): record nothing more
            } catch (RuntimeException e) {
                if (stopped || Thread.currentThread().isInterrupted()) {
                    return;
                }
                LOG.warn("Dispatching alerts to channel '{}' failed; trying again: {}", channel.name(), e.toString());
                wait = settings.pollInterval().multipliedBy(4);
            }
            try {
                pause(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Asks it to look at the outbox now. */
    void wakeUp() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /** Stops after the current step; the caller releases the lease. */
    void stop() {
        stopped = true;
        wakeUp();
    }

    DatabaseLease lease() {
        return lease;
    }

    /** One step; returns how long to wait before the next. */
    Duration step() throws InterruptedException {
        Instant now = clock.instant();
        if (!lease.ensure(now, leaseMargin())) {
            holding = false;
            return settings.pollInterval().multipliedBy(4);
        }
        if (!holding) {
            holding = true;
            limiter.seed(outbox.requestsSince(channel.id(), now.minus(DispatchSettings.RATE_WINDOW)));
            LOG.info("Dispatching alerts to channel '{}' ({}, {} a minute)", channel.name(), channel.type().label(),
                    limiter.limit());
        }
        Optional<AlertOutbox.MessageRow> head = outbox.head(channel.id());
        if (head.isEmpty()) {
            int pending = outbox.unassignedCount(channel.id());
            if (pending == 0) {
                return settings.pollInterval();
            }
            Duration permit = limiter.waitTime(now);
            if (!permit.isZero()) {
                return shortest(permit, leaseMargin());
            }
            Duration paced = paceWait(now);
            if (!paced.isZero()) {
                return shortest(paced, leaseMargin());
            }
            compose(pending, limiter.available(now), now);
            head = outbox.head(channel.id());
            if (head.isEmpty()) {
                return Duration.ZERO;
            }
        }
        AlertOutbox.MessageRow message = head.get();
        if (message.nextAttemptAt().isAfter(now)) {
            return shortest(Duration.between(now, message.nextAttemptAt()), leaseMargin());
        }
        Duration permit = limiter.waitTime(now);
        if (!permit.isZero()) {
            return shortest(permit, leaseMargin());
        }
        send(message, now);
        return Duration.ZERO;
    }

    /**
     * Once half of the rate limit's window is used, new messages go out no faster than the limit can sustain (one
     * every window / limit), so that what arrives meanwhile is merged instead of using up the rest in small pieces.
     */
    private Duration paceWait(Instant now) {
        if (limiter.available(now) > reserve()) {
            return Duration.ZERO;
        }
        Optional<Instant> last = limiter.last();
        if (last.isEmpty()) {
            return Duration.ZERO;
        }
        Instant next = last.get().plus(DispatchSettings.RATE_WINDOW.dividedBy(limiter.limit()));
        return next.isAfter(now) ? Duration.between(now, next) : Duration.ZERO;
    }

    /** The part of the rate limit kept for digests: alerts go out one by one only from the rest. */
    private int reserve() {
        return limiter.limit() / 2;
    }

    /**
     * The pending alerts become messages: the oldest alone while every pending alert could still go alone without
     * touching the reserve, else all of them in a digest.
     */
    private void compose(int pending, int available, Instant now) {
        boolean single = pending <= available - reserve();
        List<AlertOutbox.PendingAlert> alerts = outbox.unassigned(channel.id(), single ? 1
                : settings.maxAlertsPerMessage());
        if (alerts.isEmpty()) {
            return;
        }
        if (alerts.size() == 1) {
            OutgoingMessage alone = new OutgoingMessage("sizing", OutgoingMessage.Kind.ALERT, 1, 1,
                    List.of(alerts.get(0).alert()), now);
            OutgoingMessage.Kind kind = sender.fits(channel, alone) ? OutgoingMessage.Kind.ALERT
                    : OutgoingMessage.Kind.DIGEST;
            outbox.createMessages(channel.id(), kind, List.of(List.of(alerts.get(0).deliveryId())), now);
            return;
        }
        List<List<AlertOutbox.PendingAlert>> parts = split(alerts, now);
        List<List<String>> ids = new ArrayList<>();
        for (List<AlertOutbox.PendingAlert> part : parts) {
            ids.add(part.stream().map(AlertOutbox.PendingAlert::deliveryId).toList());
        }
        if (outbox.createMessages(channel.id(), OutgoingMessage.Kind.DIGEST, ids, now).isPresent()) {
            LOG.info("Channel '{}': {} alerts pending, {} requests allowed now: sending a digest in {} part(s)",
                    channel.name(), pending, available, parts.size());
        }
    }

    /** The fewest parts that each fit the platform's size limit, in order, none empty. */
    private List<List<AlertOutbox.PendingAlert>> split(List<AlertOutbox.PendingAlert> alerts, Instant now) {
        List<List<AlertOutbox.PendingAlert>> parts = new ArrayList<>();
        int start = 0;
        while (start < alerts.size()) {
            int remaining = alerts.size() - start;
            int take;
            if (fits(alerts.subList(start, alerts.size()), now)) {
                take = remaining;
            } else {
                int low = 1;
                int high = remaining - 1;
                while (low < high) {
                    int middle = (low + high + 1) / 2;
                    if (fits(alerts.subList(start, start + middle), now)) {
                        low = middle;
                    } else {
                        high = middle - 1;
                    }
                }
                take = low;
            }
            parts.add(List.copyOf(alerts.subList(start, start + take)));
            start += take;
        }
        return parts;
    }

    private boolean fits(List<AlertOutbox.PendingAlert> alerts, Instant now) {
        // Sized as part 9999 of 9999 with the longest key: the real title is never longer.
        OutgoingMessage candidate = new OutgoingMessage(UUID.randomUUID().toString(), OutgoingMessage.Kind.DIGEST,
                9999, 9999, alerts.stream().map(AlertOutbox.PendingAlert::alert).toList(), now);
        return sender.fits(channel, candidate);
    }

    private void send(AlertOutbox.MessageRow row, Instant now) throws InterruptedException {
        OutgoingMessage message = outbox.load(row);
        if (!lease.ensure(now, settings.requestTimeout().plus(LEASE_MARGIN))) {
            holding = false;
            return;
        }
        outbox.attemptStarting(row, now);
        limiter.record(now);
        int attempt = row.attempts() + 1;
        SendOutcome outcome = sender.send(channel, message);
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopped while sending");
        }
        Instant done = clock.instant();
        switch (outcome.result()) {
            case ACCEPTED -> {
                outbox.accepted(row, outcome, now, done);
                LOG.debug("Channel '{}' accepted {} {} ({} alerts)", channel.name(), row.kind(), row.id(),
                        message.alerts().size());
            }
            case REJECTED -> {
                String reason = "rejected by the channel: " + outcome.describe();
                outbox.failed(row, outcome, reason, now, done);
                LOG.warn("Channel '{}' rejected {} {} ({} alerts FAILED): {}", channel.name(), row.kind(), row.id(),
                        message.alerts().size(), outcome.describe());
            }
            case THROTTLED, RETRYABLE -> {
                if (attempt >= settings.maxAttempts()) {
                    String reason = "gave up after " + attempt + " attempts; the last: " + outcome.describe();
                    outbox.failed(row, outcome, reason, now, done);
                    LOG.warn("Channel '{}': {} {} FAILED ({} alerts): {}", channel.name(), row.kind(), row.id(),
                            message.alerts().size(), reason);
                } else {
                    Duration wait = settings.backoff(attempt);
                    Optional<Duration> asked = outcome.retryAfter().map(after ->
                            after.compareTo(DispatchSettings.LONGEST_RETRY_AFTER) > 0
                                    ? DispatchSettings.LONGEST_RETRY_AFTER : after);
                    if (asked.isPresent() && asked.get().compareTo(wait) > 0) {
                        wait = asked.get();
                    }
                    outbox.retryLater(row, outcome, now, done.plus(wait));
                    LOG.info("Channel '{}' {} attempt {} of {} {}: {}; next in {} ms", channel.name(),
                            outcome.result() == SendOutcome.Result.THROTTLED ? "throttled" : "failed", attempt,
                            row.kind(), row.id(), outcome.describe(), wait.toMillis());
                }
            }
        }
    }

    private Duration leaseMargin() {
        return settings.leaseDuration().dividedBy(3);
    }

    private void pause(Duration wait) throws InterruptedException {
        if (wait.isZero() || wait.isNegative()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return;
        }
        synchronized (signal) {
            if (!stopped) {
                signal.wait(Math.max(1, wait.toMillis()));
            }
        }
    }

    private static Duration shortest(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
