package io.tributary.alert;

import static io.tributary.job.schema.Tables.ALERT;
import static io.tributary.job.schema.Tables.ALERT_DELIVERY;
import static io.tributary.job.schema.Tables.ALERT_JOB_COUNTER;
import static io.tributary.job.schema.Tables.FLINK_CLUSTER;
import static io.tributary.job.schema.Tables.JOB_TRANSITION;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.job.JobState;
import io.tributary.job.deploy.EmbeddedSessionTarget;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Turns events into alerts in the outbox. {@link #accept} runs in the caller's transaction — the one that stores
 * the state change that caused the event — so the change and its alert are committed together or not at all: an
 * alert is never lost between the two, and never raised for a change that rolled back.
 *
 * <p>An event raises one alert when at least one rule matches it (its type, its scope, its threshold for counted
 * events); the alert has the highest severity of the matching rules and one outbox row per channel of those rules.
 * A channel all of whose matching rules are muted gets the row as MUTED: kept and shown, never sent.
 */
public final class AlertPipeline {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REASON = 4000;

    private final DSLContext database;
    private final AlertRuleRepository rules;
    private final AlertLinks links;
    private final OutboxSequence sequence;
    private final Clock clock;
    private final Runnable afterCommit;

    public AlertPipeline(DSLContext database, AlertRuleRepository rules, AlertLinks links, Clock clock) {
        this(database, rules, links, clock, () -> {});
    }

    /**
     * @param afterCommit run once a transaction that wrote alerts committed (to wake this instance's dispatchers;
     *     other instances find the alerts at their next poll)
     */
    public AlertPipeline(DSLContext database, AlertRuleRepository rules, AlertLinks links, Clock clock,
            Runnable afterCommit) {
        this.database = requireNonNull(database, "database is null");
        this.rules = requireNonNull(rules, "rules is null");
        this.links = requireNonNull(links, "links is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.afterCommit = requireNonNull(afterCommit, "afterCommit is null");
        this.sequence = new OutboxSequence(clock);
    }

    /**
     * Writes the alert the event raises, if any, into the outbox within {@code transaction}; returns its id.
     * Dispatchers pick it up once the transaction has committed.
     */
    public Optional<String> accept(DSLContext transaction, AlertEvent event) {
        requireNonNull(transaction, "transaction is null");
        requireNonNull(event, "event is null");
        Instant now = clock.instant();
        OptionalInt previousCount = event.type() == AlertEventType.CHECKPOINTS_FAILING && event.count().isPresent()
                ? rememberCount(transaction, event, now) : OptionalInt.empty();
        List<AlertRule> matching = new ArrayList<>();
        OptionalInt count = event.count();
        for (AlertRule rule : rules.forEvent(transaction, event.type())) {
            if (!rule.scope().matches(event)) {
                continue;
            }
            OptionalInt reached = thresholdReached(transaction, rule, event, previousCount, now);
            if (reached.isEmpty()) {
                continue;
            }
            if (reached.getAsInt() >= 0 && count.isEmpty()) {
                count = reached;
            }
            matching.add(rule);
        }
        if (matching.isEmpty()) {
            return Optional.empty();
        }
        AlertEvent named = event.clusterName().isPresent() || event.clusterId().isEmpty() ? event
                : clusterName(transaction, event.clusterId().get()).map(event::withClusterName).orElse(event);
        AlertSeverity severity = matching.stream().map(AlertRule::severity).max(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, Boolean> channelsMuted = new LinkedHashMap<>();
        for (AlertRule rule : matching) {
            boolean muted = rule.mutedAt(now);
            for (String channel : rule.channelIds()) {
                channelsMuted.merge(channel, muted, Boolean::logicalAnd);
            }
        }
        String alertId = UUID.randomUUID().toString();
        transaction.insertInto(ALERT)
                .set(ALERT.ID, alertId)
                .set(ALERT.EVENT_TYPE, event.type().name())
                .set(ALERT.SEVERITY, severity.name())
                .set(ALERT.RULE_IDS, String.join(",", matching.stream().map(AlertRule::id).toList()))
                .set(ALERT.JOB_ID, named.jobId().orElse(null))
                .set(ALERT.JOB_NAME, named.jobName().orElse(null))
                .set(ALERT.CLUSTER_ID, named.clusterId().orElse(null))
                .set(ALERT.CLUSTER_NAME, named.clusterName().orElse(null))
                .set(ALERT.FLINK_JOB_ID, named.flinkJobId().orElse(null))
                .set(ALERT.REASON, truncate(named.reason()))
                .set(ALERT.EVENT_COUNT, count.isPresent() ? count.getAsInt() : null)
                .set(ALERT.LINKS_JSON, json(links.resolve(transaction, named)))
                .set(ALERT.OCCURRED_AT, named.occurredAt().toEpochMilli())
                .set(ALERT.CREATED_AT, now.toEpochMilli())
                .execute();
        for (Map.Entry<String, Boolean> channel : channelsMuted.entrySet()) {
            transaction.insertInto(ALERT_DELIVERY)
                    .set(ALERT_DELIVERY.ID, UUID.randomUUID().toString())
                    .set(ALERT_DELIVERY.ALERT_ID, alertId)
                    .set(ALERT_DELIVERY.CHANNEL_ID, channel.getKey())
                    .set(ALERT_DELIVERY.SEQ, sequence.next())
                    .set(ALERT_DELIVERY.STATUS, channel.getValue() ? DeliveryStatus.MUTED.name()
                            : DeliveryStatus.PENDING.name())
                    .set(ALERT_DELIVERY.ATTEMPTS, 0)
                    .set(ALERT_DELIVERY.CREATED_AT, now.toEpochMilli())
                    .execute();
        }
        return Optional.of(alertId);
    }

    /** {@link #accept} in a transaction of its own: for events no state change of ours stores (a cluster lost). */
    public Optional<String> publish(AlertEvent event) {
        Optional<String> alert = database.transactionResult(configuration -> accept(configuration.dsl(), event));
        alert.ifPresent(id -> committed());
        return alert;
    }

    /** Tells this instance's dispatchers that alerts were committed: they look at the outbox now. */
    public void committed() {
        afterCommit.run();
    }

    /**
     * Empty when the rule's threshold is not reached; else the count that reached it (-1 for events that are not
     * counted).
     */
    private OptionalInt thresholdReached(DSLContext transaction, AlertRule rule, AlertEvent event,
            OptionalInt previousCount, Instant now) {
        switch (event.type()) {
            case JOB_RESTARTING_TOO_OFTEN -> {
                Instant since = now.minus(rule.window().orElseThrow());
                String jobId = event.jobId().orElseThrow();
                int restarts = event.count().isPresent() ? event.count().getAsInt() : restartsSince(transaction,
                        jobId, since);
                if (restarts <= rule.threshold().getAsInt() || alertedSince(transaction, jobId, event.type(), since)) {
                    return OptionalInt.empty();
                }
                return OptionalInt.of(restarts);
            }
            case CHECKPOINTS_FAILING -> {
                int threshold = rule.threshold().getAsInt();
                int failures = event.count().orElse(threshold);
                int previous = previousCount.orElse(0);
                boolean crossed = failures >= threshold && (previous < threshold || failures < previous);
                return crossed ? OptionalInt.of(failures) : OptionalInt.empty();
            }
            default -> {
                return OptionalInt.of(-1);
            }
        }
    }

    /**
     * Restarts of a job recorded since an instant: Flink restarting it (RESTARTING) and Tributary redeploying it
     * after a failure (FAILED to DEPLOYING by the automatic restart).
     */
    private static int restartsSince(DSLContext transaction, String jobId, Instant since) {
        return transaction.fetchCount(JOB_TRANSITION, JOB_TRANSITION.JOB_ID.eq(jobId)
                .and(JOB_TRANSITION.AT_MILLIS.ge(since.toEpochMilli()))
                .and(JOB_TRANSITION.TO_STATE.eq(JobState.RESTARTING.name())
                        .or(JOB_TRANSITION.FROM_STATE.eq(JobState.FAILED.name())
                                .and(JOB_TRANSITION.TO_STATE.eq(JobState.DEPLOYING.name()))
                                .and(JOB_TRANSITION.ACTOR.like("%automatic restart%")))));
    }

    private static boolean alertedSince(DSLContext transaction, String jobId, AlertEventType type, Instant since) {
        return transaction.fetchExists(ALERT, ALERT.JOB_ID.eq(jobId).and(ALERT.EVENT_TYPE.eq(type.name()))
                .and(ALERT.CREATED_AT.ge(since.toEpochMilli())));
    }

    /** Stores the job's latest count of a counted event; returns the one before. */
    private static OptionalInt rememberCount(DSLContext transaction, AlertEvent event, Instant now) {
        String jobId = event.jobId().orElseThrow();
        Optional<Integer> previous = transaction.select(ALERT_JOB_COUNTER.LAST_COUNT).from(ALERT_JOB_COUNTER)
                .where(ALERT_JOB_COUNTER.JOB_ID.eq(jobId))
                .and(ALERT_JOB_COUNTER.EVENT_TYPE.eq(event.type().name()))
                .fetchOptional(ALERT_JOB_COUNTER.LAST_COUNT);
        int count = event.count().getAsInt();
        // Update, else insert: portable to H2, MySQL and MariaDB (whose upsert syntaxes differ).
        if (updateCount(transaction, jobId, event.type(), count, now) == 0) {
            try {
                transaction.insertInto(ALERT_JOB_COUNTER)
                        .set(ALERT_JOB_COUNTER.JOB_ID, jobId)
                        .set(ALERT_JOB_COUNTER.EVENT_TYPE, event.type().name())
                        .set(ALERT_JOB_COUNTER.LAST_COUNT, count)
                        .set(ALERT_JOB_COUNTER.UPDATED_AT, now.toEpochMilli())
                        .execute();
            } catch (DataAccessException e) {
                if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                    throw e;
                }
                updateCount(transaction, jobId, event.type(), count, now); // inserted concurrently
            }
        }
        return previous.map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    private static int updateCount(DSLContext transaction, String jobId, AlertEventType type, int count,
            Instant now) {
        return transaction.update(ALERT_JOB_COUNTER)
                .set(ALERT_JOB_COUNTER.LAST_COUNT, count)
                .set(ALERT_JOB_COUNTER.UPDATED_AT, now.toEpochMilli())
                .where(ALERT_JOB_COUNTER.JOB_ID.eq(jobId))
                .and(ALERT_JOB_COUNTER.EVENT_TYPE.eq(type.name()))
                .execute();
    }

    private static Optional<String> clusterName(DSLContext transaction, String clusterId) {
        if (EmbeddedSessionTarget.CLUSTER_ID.equals(clusterId)) {
            return Optional.of(EmbeddedSessionTarget.CLUSTER_ID);
        }
        return transaction.select(FLINK_CLUSTER.NAME).from(FLINK_CLUSTER).where(FLINK_CLUSTER.ID.eq(clusterId))
                .fetchOptional(FLINK_CLUSTER.NAME);
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 3) + "...";
    }

    private static String json(Map<String, String> links) {
        try {
            return JSON.writeValueAsString(links);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
