package io.tributary.alert;

import static io.tributary.job.schema.Tables.ALERT;
import static io.tributary.job.schema.Tables.ALERT_DELIVERY;
import static io.tributary.job.schema.Tables.ALERT_MESSAGE;
import static java.util.Objects.requireNonNull;

import io.tributary.job.schema.tables.records.AlertDeliveryRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Raised alerts, newest first, with where each stands with each of its channels. */
public final class AlertHistory {

    private final DSLContext database;

    public AlertHistory(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** One alert's delivery to one channel. */
    public record Delivery(String channelId, DeliveryStatus status, int attempts, Optional<String> lastError,
            Optional<Instant> lastAttemptAt, Optional<Instant> deliveredAt, Optional<String> messageId,
            Optional<String> messageKind) {}

    public record Entry(Alert alert, List<Delivery> deliveries) {}

    /**
     * The newest alerts; with {@code status}, only those with a delivery in that status; with {@code jobId}, only
     * that job's.
     */
    public List<Entry> recent(int limit, Optional<DeliveryStatus> status, Optional<String> jobId) {
        Condition condition = DSL.noCondition();
        if (status.isPresent()) {
            condition = condition.and(ALERT.ID.in(DSL.select(ALERT_DELIVERY.ALERT_ID).from(ALERT_DELIVERY)
                    .where(ALERT_DELIVERY.STATUS.eq(status.get().name()))));
        }
        if (jobId.isPresent()) {
            condition = condition.and(ALERT.JOB_ID.eq(jobId.get()));
        }
        List<Alert> alerts = database.selectFrom(ALERT).where(condition)
                .orderBy(ALERT.CREATED_AT.desc(), ALERT.ID.desc()).limit(limit)
                .fetch(AlertRecords::toAlert);
        return withDeliveries(alerts);
    }

    public Optional<Entry> find(String alertId) {
        return withDeliveries(database.selectFrom(ALERT).where(ALERT.ID.eq(alertId)).fetch(AlertRecords::toAlert))
                .stream().findFirst();
    }

    /** How many alerts of each delivery status a channel has (PENDING, DELIVERED, FAILED, MUTED). */
    public Map<DeliveryStatus, Integer> countsByStatus(String channelId) {
        Map<DeliveryStatus, Integer> counts = new LinkedHashMap<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0);
        }
        database.select(ALERT_DELIVERY.STATUS, DSL.count()).from(ALERT_DELIVERY)
                .where(ALERT_DELIVERY.CHANNEL_ID.eq(channelId)).groupBy(ALERT_DELIVERY.STATUS)
                .forEach(row -> counts.put(DeliveryStatus.valueOf(row.value1()), row.value2()));
        return counts;
    }

    private List<Entry> withDeliveries(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        Map<String, List<Delivery>> deliveries = new LinkedHashMap<>();
        database.select(ALERT_DELIVERY.fields()).select(ALERT_MESSAGE.MESSAGE_KIND).from(ALERT_DELIVERY)
                .leftJoin(ALERT_MESSAGE).on(ALERT_MESSAGE.ID.eq(ALERT_DELIVERY.MESSAGE_ID))
                .where(ALERT_DELIVERY.ALERT_ID.in(alerts.stream().map(Alert::id).toList()))
                .orderBy(ALERT_DELIVERY.SEQ)
                .forEach(row -> {
                    AlertDeliveryRecord delivery = row.into(ALERT_DELIVERY);
                    deliveries.computeIfAbsent(delivery.getAlertId(), id -> new ArrayList<>()).add(new Delivery(
                            delivery.getChannelId(), DeliveryStatus.valueOf(delivery.getStatus()),
                            delivery.getAttempts(), Optional.ofNullable(delivery.getLastError()),
                            Optional.ofNullable(delivery.getLastAttemptAt()).map(Instant::ofEpochMilli),
                            Optional.ofNullable(delivery.getDeliveredAt()).map(Instant::ofEpochMilli),
                            Optional.ofNullable(delivery.getMessageId()),
                            Optional.ofNullable(row.get(ALERT_MESSAGE.MESSAGE_KIND))));
                });
        return alerts.stream().map(alert -> new Entry(alert, deliveries.getOrDefault(alert.id(), List.of())))
                .toList();
    }
}
