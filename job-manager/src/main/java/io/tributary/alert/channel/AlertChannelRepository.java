package io.tributary.alert.channel;

import static io.tributary.job.schema.Tables.ALERT_CHANNEL;
import static io.tributary.job.schema.Tables.ALERT_DELIVERY;
import static io.tributary.job.schema.Tables.ALERT_MESSAGE;
import static io.tributary.job.schema.Tables.ALERT_RULE_CHANNEL;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.secret.SecretCipher;
import io.tributary.job.schema.tables.records.AlertChannelRecord;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

/**
 * Alert channels in the metadata database. Secret settings (passwords, signing secrets, the chat platforms'
 * webhook URLs, which carry their token) are encrypted with {@link SecretCipher}, each bound to its channel and
 * key, and decrypted only when read for sending.
 */
public final class AlertChannelRepository {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final DSLContext database;
    private final SecretCipher cipher;
    private final Clock clock;

    public AlertChannelRepository(DSLContext database, SecretCipher cipher, Clock clock) {
        this.database = requireNonNull(database, "database is null");
        this.cipher = requireNonNull(cipher, "cipher is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public AlertChannel create(AlertChannel channel) {
        requireNonNull(channel, "channel is null");
        Map<String, String> encrypted = new LinkedHashMap<>();
        channel.secrets().forEach((key, value) ->
                encrypted.put(key, cipher.encrypt(value, context(channel.id(), key))));
        try {
            database.insertInto(ALERT_CHANNEL)
                    .set(ALERT_CHANNEL.ID, channel.id())
                    .set(ALERT_CHANNEL.NAME, channel.name())
                    .set(ALERT_CHANNEL.CHANNEL_TYPE, channel.type().label())
                    .set(ALERT_CHANNEL.SETTINGS_JSON, json(channel.settings()))
                    .set(ALERT_CHANNEL.SECRETS_JSON, json(encrypted))
                    .set(ALERT_CHANNEL.RATE_LIMIT_PER_MINUTE, channel.rateLimitPerMinute().isPresent()
                            ? channel.rateLimitPerMinute().getAsInt() : null)
                    .set(ALERT_CHANNEL.CREATED_BY, channel.createdBy())
                    .set(ALERT_CHANNEL.CREATED_AT, channel.createdAt().toEpochMilli())
                    .execute();
        } catch (DataAccessException e) {
            if (e.sqlStateClass() == SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
                throw new AlertChannelNameTakenException(channel.name(), e);
            }
            throw e;
        }
        return channel;
    }

    public List<AlertChannel> list() {
        return database.selectFrom(ALERT_CHANNEL).orderBy(ALERT_CHANNEL.NAME).fetch(this::toChannel);
    }

    public List<String> ids() {
        return database.select(ALERT_CHANNEL.ID).from(ALERT_CHANNEL).orderBy(ALERT_CHANNEL.ID)
                .fetch(ALERT_CHANNEL.ID);
    }

    public Optional<AlertChannel> find(String id) {
        return database.selectFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(id)).fetchOptional(this::toChannel);
    }

    /**
     * Removes a channel no rule sends to. What it still had to send is marked FAILED ("the channel was deleted"),
     * so nothing waits for it silently.
     */
    public boolean delete(String id) {
        return database.transactionResult(configuration -> {
            DSLContext transaction = configuration.dsl();
            Optional<AlertChannelRecord> row = transaction.selectFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(id))
                    .forUpdate().fetchOptional();
            if (row.isEmpty()) {
                return false;
            }
            List<String> rules = transaction.select(ALERT_RULE_CHANNEL.RULE_ID).from(ALERT_RULE_CHANNEL)
                    .where(ALERT_RULE_CHANNEL.CHANNEL_ID.eq(id)).fetch(ALERT_RULE_CHANNEL.RULE_ID);
            if (!rules.isEmpty()) {
                throw new AlertChannelInUseException(row.get().getName(), rules);
            }
            long now = clock.millis();
            transaction.update(ALERT_DELIVERY)
                    .set(ALERT_DELIVERY.STATUS, "FAILED")
                    .set(ALERT_DELIVERY.LAST_ERROR, "the channel was deleted before it accepted the alert")
                    .where(ALERT_DELIVERY.CHANNEL_ID.eq(id)).and(ALERT_DELIVERY.STATUS.eq("PENDING"))
                    .execute();
            transaction.update(ALERT_MESSAGE)
                    .set(ALERT_MESSAGE.STATUS, "FAILED")
                    .set(ALERT_MESSAGE.LAST_ERROR, "the channel was deleted")
                    .set(ALERT_MESSAGE.FINISHED_AT, now)
                    .where(ALERT_MESSAGE.CHANNEL_ID.eq(id)).and(ALERT_MESSAGE.STATUS.eq("SENDING"))
                    .execute();
            return transaction.deleteFrom(ALERT_CHANNEL).where(ALERT_CHANNEL.ID.eq(id)).execute() == 1;
        });
    }

    /** The names of channels by id, for listings (deleted channels are absent). */
    public Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        database.select(ALERT_CHANNEL.ID, ALERT_CHANNEL.NAME).from(ALERT_CHANNEL)
                .forEach(row -> names.put(row.value1(), row.value2()));
        return names;
    }

    private AlertChannel toChannel(AlertChannelRecord row) {
        Map<String, String> secrets = new LinkedHashMap<>();
        read(row.getSecretsJson()).forEach((key, value) -> secrets.put(key, cipher.decrypt(value,
                context(row.getId(), key))));
        return new AlertChannel(row.getId(), row.getName(), ChannelType.fromLabel(row.getChannelType()).orElseThrow(),
                read(row.getSettingsJson()), secrets,
                row.getRateLimitPerMinute() == null ? OptionalInt.empty() : OptionalInt.of(row.getRateLimitPerMinute()),
                row.getCreatedBy(), Instant.ofEpochMilli(row.getCreatedAt()));
    }

    /** Binds an encrypted value to its channel and key: copied to another row or key, it does not decrypt. */
    static String context(String channelId, String key) {
        return "alert-channel/" + channelId + "/" + key;
    }

    private static String json(Map<String, String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> read(String json) {
        try {
            return JSON.readValue(json, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored channel settings are not JSON", e);
        }
    }
}
