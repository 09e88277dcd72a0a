package io.tributary.alert.dispatch;

import static io.tributary.job.schema.Tables.ALERT;
import static io.tributary.job.schema.Tables.ALERT_ATTEMPT;
import static io.tributary.job.schema.Tables.ALERT_DELIVERY;
import static io.tributary.job.schema.Tables.ALERT_MESSAGE;
import static java.util.Objects.requireNonNull;

import io.tributary.alert.Alert;
import io.tributary.alert.AlertRecords;
import io.tributary.alert.DeliveryStatus;
import io.tributary.alert.OutboxSequence;
import io.tributary.alert.channel.OutgoingMessage;
import io.tributary.alert.channel.SendOutcome;
import io.tributary.job.schema.tables.records.AlertMessageRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * The dispatchers' side of the outbox: the pending alerts of a channel in order, the messages made of them, and
 * the outcome of every attempt. A message row is written (and its alerts tied to it) before it is first sent, so
 * after a crash the same message, with the same idempotency key, is sent again: at most one duplicate per alert.
 */
public final class AlertOutbox {

    public enum MessageStatus { SENDING, ACCEPTED, FAILED }

    private static final int MAX_TEXT = 4000;

    private final DSLContext database;
    private final OutboxSequence sequence;

    public AlertOutbox(DSLContext database, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.sequence = new OutboxSequence(requireNonNull(clock, "clock is null"));
    }

    /** A message being sent: its key, kind, part, attempts so far and when it may be tried next. */
    public record MessageRow(String id, String channelId, OutgoingMessage.Kind kind, int part, int parts,
            int attempts, Instant nextAttemptAt, Instant createdAt) {}

    /** A pending alert of a channel: the outbox row and the alert. */
    public record PendingAlert(String deliveryId, Alert alert) {}

    /** The channel's oldest message not yet accepted or given up. */
    public Optional<MessageRow> head(String channelId) {
        return database.selectFrom(ALERT_MESSAGE)
                .where(ALERT_MESSAGE.CHANNEL_ID.eq(channelId))
                .and(ALERT_MESSAGE.STATUS.eq(MessageStatus.SENDING.name()))
                .orderBy(ALERT_MESSAGE.SEQ)
                .limit(1)
                .fetchOptional(AlertOutbox::toRow);
    }

    /** How many alerts of the channel are pending and not yet in a message. */
    public int unassignedCount(String channelId) {
        return database.fetchCount(ALERT_DELIVERY, ALERT_DELIVERY.CHANNEL_ID.eq(channelId)
                .and(ALERT_DELIVERY.STATUS.eq(DeliveryStatus.PENDING.name()))
                .and(ALERT_DELIVERY.MESSAGE_ID.isNull()));
    }

    /** The oldest pending alerts of the channel that are not yet in a message, in order. */
    public List<PendingAlert> unassigned(String channelId, int limit) {
        return database.select(ALERT_DELIVERY.ID).select(ALERT.fields())
                .from(ALERT_DELIVERY).join(ALERT).on(ALERT.ID.eq(ALERT_DELIVERY.ALERT_ID))
                .where(ALERT_DELIVERY.CHANNEL_ID.eq(channelId))
                .and(ALERT_DELIVERY.STATUS.eq(DeliveryStatus.PENDING.name()))
                .and(ALERT_DELIVERY.MESSAGE_ID.isNull())
                .orderBy(ALERT_DELIVERY.SEQ)
                .limit(limit)
                .fetch(row -> new PendingAlert(row.get(ALERT_DELIVERY.ID),
                        AlertRecords.toAlert(row.into(ALERT))));
    }

    /**
     * Puts pending alerts into messages (one per group, in order), all or none: returns the message ids, or empty
     * when one of the alerts was taken meanwhile (another dispatcher whose lease had lapsed).
     */
    public Optional<List<String>> createMessages(String channelId, OutgoingMessage.Kind kind,
            List<List<String>> deliveryIdsPerMessage, Instant now) {
        try {
            return Optional.of(database.transactionResult(configuration ->
                    insertMessages(configuration.dsl(), channelId, kind, deliveryIdsPerMessage, now)));
        } catch (TakenMeanwhile e) {
            return Optional.empty();
        }
    }

    private List<String> insertMessages(DSLContext transaction, String channelId, OutgoingMessage.Kind kind,
            List<List<String>> deliveryIdsPerMessage, Instant now) {
        List<String> ids = new ArrayList<>();
        int parts = deliveryIdsPerMessage.size();
        for (int i = 0; i < parts; i++) {
            List<String> deliveries = deliveryIdsPerMessage.get(i);
            String id = UUID.randomUUID().toString();
            transaction.insertInto(ALERT_MESSAGE)
                    .set(ALERT_MESSAGE.ID, id)
                    .set(ALERT_MESSAGE.CHANNEL_ID, channelId)
                    .set(ALERT_MESSAGE.SEQ, sequence.next())
                    .set(ALERT_MESSAGE.MESSAGE_KIND, kind.name())
                    .set(ALERT_MESSAGE.PART_NUMBER, i + 1)
                    .set(ALERT_MESSAGE.PART_COUNT, parts)
                    .set(ALERT_MESSAGE.ALERT_COUNT, deliveries.size())
                    .set(ALERT_MESSAGE.STATUS, MessageStatus.SENDING.name())
                    .set(ALERT_MESSAGE.ATTEMPTS, 0)
                    .set(ALERT_MESSAGE.NEXT_ATTEMPT_AT, now.toEpochMilli())
                    .set(ALERT_MESSAGE.CREATED_AT, now.toEpochMilli())
                    .execute();
            int tied = 0;
            for (List<String> chunk : chunks(deliveries, 500)) {
                tied += transaction.update(ALERT_DELIVERY)
                        .set(ALERT_DELIVERY.MESSAGE_ID, id)
                        .where(ALERT_DELIVERY.ID.in(chunk))
                        .and(ALERT_DELIVERY.MESSAGE_ID.isNull())
                        .and(ALERT_DELIVERY.STATUS.eq(DeliveryStatus.PENDING.name()))
                        .execute();
            }
            if (tied != deliveries.size()) {
                throw new TakenMeanwhile();
            }
            ids.add(id);
        }
        return ids;
    }

    /** Rolls back a message whose alerts another dispatcher took first. */
    private static final class TakenMeanwhile extends RuntimeException {
        TakenMeanwhile() {
            super("an alert was put into another message meanwhile", null, false, false);
        }
    }

    /** The message as it is sent: its alerts in order. */
    public OutgoingMessage load(MessageRow row) {
        List<Alert> alerts = database.select(ALERT.fields()).from(ALERT_DELIVERY)
                .join(ALERT).on(ALERT.ID.eq(ALERT_DELIVERY.ALERT_ID))
                .where(ALERT_DELIVERY.MESSAGE_ID.eq(row.id()))
                .orderBy(ALERT_DELIVERY.SEQ)
                .fetch(record -> AlertRecords.toAlert(record.into(ALERT)));
        return new OutgoingMessage(row.id(), row.kind(), row.part(), row.parts(), alerts, row.createdAt());
    }

    /** Recorded before the request leaves: counts the attempt even if the process dies during it. */
    public void attemptStarting(MessageRow row, Instant now) {
        database.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.update(ALERT_MESSAGE)
                    .set(ALERT_MESSAGE.ATTEMPTS, ALERT_MESSAGE.ATTEMPTS.plus(1))
                    .set(ALERT_MESSAGE.LAST_ATTEMPT_AT, now.toEpochMilli())
                    .where(ALERT_MESSAGE.ID.eq(row.id()))
                    .execute();
            transaction.update(ALERT_DELIVERY)
                    .set(ALERT_DELIVERY.ATTEMPTS, ALERT_DELIVERY.ATTEMPTS.plus(1))
                    .set(ALERT_DELIVERY.LAST_ATTEMPT_AT, now.toEpochMilli())
                    .where(ALERT_DELIVERY.MESSAGE_ID.eq(row.id()))
                    .execute();
        });
    }

    /** The channel accepted the message: its alerts leave the outbox. */
    public void accepted(MessageRow row, SendOutcome outcome, Instant attemptedAt, Instant now) {
        database.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.update(ALERT_MESSAGE)
                    .set(ALERT_MESSAGE.STATUS, MessageStatus.ACCEPTED.name())
                    .set(ALERT_MESSAGE.ANSWER, truncate(outcome.describe()))
                    .set(ALERT_MESSAGE.FINISHED_AT, now.toEpochMilli())
                    .where(ALERT_MESSAGE.ID.eq(row.id()))
                    .execute();
            transaction.update(ALERT_DELIVERY)
                    .set(ALERT_DELIVERY.STATUS, DeliveryStatus.DELIVERED.name())
                    .set(ALERT_DELIVERY.DELIVERED_AT, now.toEpochMilli())
                    .where(ALERT_DELIVERY.MESSAGE_ID.eq(row.id()))
                    .and(ALERT_DELIVERY.STATUS.eq(DeliveryStatus.PENDING.name()))
                    .execute();
            recordAttempt(transaction, row, outcome, attemptedAt);
        });
    }

    /** The attempt failed but another will be made at {@code nextAttemptAt}. */
    public void retryLater(MessageRow row, SendOutcome outcome, Instant attemptedAt, Instant nextAttemptAt) {
        database.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            String error = truncate(outcome.describe());
            transaction.update(ALERT_MESSAGE)
                    .set(ALERT_MESSAGE.NEXT_ATTEMPT_AT, nextAttemptAt.toEpochMilli())
                    .set(ALERT_MESSAGE.LAST_ERROR, error)
                    .where(ALERT_MESSAGE.ID.eq(row.id()))
                    .execute();
            transaction.update(ALERT_DELIVERY)
                    .set(ALERT_DELIVERY.LAST_ERROR, error)
                    .where(ALERT_DELIVERY.MESSAGE_ID.eq(row.id()))
                    .execute();
            recordAttempt(transaction, row, outcome, attemptedAt);
        });
    }

    /** Given up: the message's alerts are FAILED, with the reason. */
    public void failed(MessageRow row, SendOutcome outcome, String reason, Instant attemptedAt, Instant now) {
        database.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            String error = truncate(reason);
            transaction.update(ALERT_MESSAGE)
                    .set(ALERT_MESSAGE.STATUS, MessageStatus.FAILED.name())
                    .set(ALERT_MESSAGE.LAST_ERROR, error)
                    .set(ALERT_MESSAGE.ANSWER, truncate(outcome.describe()))
                    .set(ALERT_MESSAGE.FINISHED_AT, now.toEpochMilli())
                    .where(ALERT_MESSAGE.ID.eq(row.id()))
                    .execute();
            transaction.update(ALERT_DELIVERY)
                    .set(ALERT_DELIVERY.STATUS, DeliveryStatus.FAILED.name())
                    .set(ALERT_DELIVERY.LAST_ERROR, error)
                    .where(ALERT_DELIVERY.MESSAGE_ID.eq(row.id()))
                    .and(ALERT_DELIVERY.STATUS.eq(DeliveryStatus.PENDING.name()))
                    .execute();
            recordAttempt(transaction, row, outcome, attemptedAt);
        });
    }

    /**
     * The requests made to a channel since an instant, by any instance: recorded attempts, and attempts that were
     * started but whose outcome was never recorded (the process died during them).
     */
    public List<Instant> requestsSince(String channelId, Instant since) {
        List<Instant> requests = new ArrayList<>(database.select(ALERT_ATTEMPT.ATTEMPTED_AT).from(ALERT_ATTEMPT)
                .where(ALERT_ATTEMPT.CHANNEL_ID.eq(channelId))
                .and(ALERT_ATTEMPT.ATTEMPTED_AT.ge(since.toEpochMilli()))
                .fetch(row -> Instant.ofEpochMilli(row.value1())));
        database.select(ALERT_MESSAGE.LAST_ATTEMPT_AT).from(ALERT_MESSAGE)
                .where(ALERT_MESSAGE.CHANNEL_ID.eq(channelId))
                .and(ALERT_MESSAGE.STATUS.eq(MessageStatus.SENDING.name()))
                .and(ALERT_MESSAGE.LAST_ATTEMPT_AT.ge(since.toEpochMilli()))
                .fetch(row -> Instant.ofEpochMilli(row.value1()))
                .stream().filter(at -> !requests.contains(at)).forEach(requests::add);
        return requests;
    }

    private static void recordAttempt(DSLContext transaction, MessageRow row, SendOutcome outcome, Instant at) {
        transaction.insertInto(ALERT_ATTEMPT)
                .set(ALERT_ATTEMPT.ID, UUID.randomUUID().toString())
                .set(ALERT_ATTEMPT.MESSAGE_ID, row.id())
                .set(ALERT_ATTEMPT.CHANNEL_ID, row.channelId())
                .set(ALERT_ATTEMPT.ATTEMPTED_AT, at.toEpochMilli())
                .set(ALERT_ATTEMPT.OUTCOME, outcome.result().name())
                .set(ALERT_ATTEMPT.STATUS_CODE,
                        outcome.statusCode().isPresent() ? outcome.statusCode().getAsInt() : null)
                .set(ALERT_ATTEMPT.DETAIL, truncate(outcome.answer()))
                .execute();
    }

    private static MessageRow toRow(AlertMessageRecord row) {
        return new MessageRow(row.getId(), row.getChannelId(), OutgoingMessage.Kind.valueOf(row.getMessageKind()),
                row.getPartNumber(), row.getPartCount(), row.getAttempts(),
                Instant.ofEpochMilli(row.getNextAttemptAt()),
                Instant.ofEpochMilli(row.getCreatedAt()));
    }

    private static List<List<String>> chunks(List<String> values, int size) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < values.size(); i += size) {
            chunks.add(values.subList(i, Math.min(values.size(), i + size)));
        }
        return chunks;
    }

    private static String truncate(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 3) + "...";
    }
}
