package io.tributary.alert;

import static io.tributary.job.schema.Tables.ALERT_CHANNEL;
import static io.tributary.job.schema.Tables.ALERT_RULE;
import static io.tributary.job.schema.Tables.ALERT_RULE_CHANNEL;
import static java.util.Objects.requireNonNull;

import io.tributary.job.schema.tables.records.AlertRuleRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jooq.DSLContext;

/** Alert rules and the channels each sends to. */
public final class AlertRuleRepository {

    private final DSLContext database;

    public AlertRuleRepository(DSLContext database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** Stores a rule; every channel it names must exist. */
    public AlertRule create(AlertRule rule) {
        requireNonNull(rule, "rule is null");
        database.transaction(configuration -> {
            DSLContext transaction = configuration.dsl();
            Set<String> existing = new HashSet<>(transaction.select(ALERT_CHANNEL.ID).from(ALERT_CHANNEL)
                    .where(ALERT_CHANNEL.ID.in(rule.channelIds())).fetch(ALERT_CHANNEL.ID));
            for (String channel : rule.channelIds()) {
                if (!existing.contains(channel)) {
                    throw new InvalidAlertDefinitionException("channels", "no alert channel with id '" + channel + "'");
                }
            }
            transaction.insertInto(ALERT_RULE)
                    .set(ALERT_RULE.ID, rule.id())
                    .set(ALERT_RULE.NAME, rule.name())
                    .set(ALERT_RULE.EVENT_TYPE, rule.event().name())
                    .set(ALERT_RULE.SCOPE_KIND, rule.scope().kind().name())
                    .set(ALERT_RULE.SCOPE_ID, rule.scope().id().orElse(null))
                    .set(ALERT_RULE.SEVERITY, rule.severity().name())
                    .set(ALERT_RULE.THRESHOLD_COUNT, rule.threshold().isPresent() ? rule.threshold().getAsInt() : null)
                    .set(ALERT_RULE.WINDOW_MILLIS, rule.window().map(Duration::toMillis).orElse(null))
                    .set(ALERT_RULE.MUTES_JSON, MuteWindows.toJson(rule.mutes()))
                    .set(ALERT_RULE.CREATED_BY, rule.createdBy())
                    .set(ALERT_RULE.CREATED_AT, rule.createdAt().toEpochMilli())
                    .execute();
            for (String channel : rule.channelIds()) {
                transaction.insertInto(ALERT_RULE_CHANNEL)
                        .set(ALERT_RULE_CHANNEL.RULE_ID, rule.id())
                        .set(ALERT_RULE_CHANNEL.CHANNEL_ID, channel)
                        .execute();
            }
        });
        return rule;
    }

    public List<AlertRule> list() {
        return read(database, database.selectFrom(ALERT_RULE).orderBy(ALERT_RULE.CREATED_AT, ALERT_RULE.ID).fetch());
    }

    public Optional<AlertRule> find(String id) {
        return read(database, database.selectFrom(ALERT_RULE).where(ALERT_RULE.ID.eq(id)).fetch()).stream().findFirst();
    }

    /** The rules for one event type, read in the caller's transaction. */
    public List<AlertRule> forEvent(DSLContext transaction, AlertEventType type) {
        return read(transaction, transaction.selectFrom(ALERT_RULE).where(ALERT_RULE.EVENT_TYPE.eq(type.name()))
                .orderBy(ALERT_RULE.CREATED_AT, ALERT_RULE.ID).fetch());
    }

    /** The rules that send to a channel. */
    public List<String> ruleIdsUsing(String channelId) {
        return database.select(ALERT_RULE_CHANNEL.RULE_ID).from(ALERT_RULE_CHANNEL)
                .where(ALERT_RULE_CHANNEL.CHANNEL_ID.eq(channelId)).fetch(ALERT_RULE_CHANNEL.RULE_ID);
    }

    public boolean delete(String id) {
        return database.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            transaction.deleteFrom(ALERT_RULE_CHANNEL).where(ALERT_RULE_CHANNEL.RULE_ID.eq(id)).execute();
            return transaction.deleteFrom(ALERT_RULE).where(ALERT_RULE.ID.eq(id)).execute() == 1;
        });
    }

    private static List<AlertRule> read(DSLContext context, List<AlertRuleRecord> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<String>> channels = new LinkedHashMap<>();
        context.select(ALERT_RULE_CHANNEL.RULE_ID, ALERT_RULE_CHANNEL.CHANNEL_ID).from(ALERT_RULE_CHANNEL)
                .where(ALERT_RULE_CHANNEL.RULE_ID.in(rows.stream().map(AlertRuleRecord::getId).toList()))
                .orderBy(ALERT_RULE_CHANNEL.CHANNEL_ID)
                .forEach(row -> channels.computeIfAbsent(row.value1(), id -> new ArrayList<>()).add(row.value2()));
        return rows.stream().map(row -> new AlertRule(
                row.getId(),
                row.getName(),
                AlertEventType.valueOf(row.getEventType()),
                switch (AlertScope.Kind.valueOf(row.getScopeKind())) {
                    case ALL -> AlertScope.ALL;
                    case JOB -> AlertScope.job(row.getScopeId());
                    case CLUSTER -> AlertScope.cluster(row.getScopeId());
                },
                channels.getOrDefault(row.getId(), List.of()),
                AlertSeverity.valueOf(row.getSeverity()),
                row.getThresholdCount() == null ? OptionalInt.empty() : OptionalInt.of(row.getThresholdCount()),
                Optional.ofNullable(row.getWindowMillis()).map(Duration::ofMillis),
                MuteWindows.fromJson(row.getMutesJson()),
                row.getCreatedBy(),
                Instant.ofEpochMilli(row.getCreatedAt())))
                .toList();
    }
}
