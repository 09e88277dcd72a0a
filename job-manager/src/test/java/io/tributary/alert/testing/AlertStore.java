package io.tributary.alert.testing;

import io.tributary.alert.AlertEvent;
import io.tributary.alert.AlertEventType;
import io.tributary.alert.AlertHistory;
import io.tributary.alert.AlertLinks;
import io.tributary.alert.AlertPipeline;
import io.tributary.alert.AlertRule;
import io.tributary.alert.AlertRuleRepository;
import io.tributary.alert.DeliveryStatus;
import io.tributary.alert.NewAlertRule;
import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.AlertChannelRepository;
import io.tributary.alert.channel.ChannelSenders;
import io.tributary.alert.channel.NewAlertChannel;
import io.tributary.alert.dispatch.AlertDispatchers;
import io.tributary.alert.dispatch.AlertOutbox;
import io.tributary.alert.dispatch.DispatchSettings;
import io.tributary.catalog.secret.SecretCipher;
import io.tributary.job.JobSchema;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataSchema;
import io.tributary.metadata.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The alert pipeline on a real metadata database (H2 or MariaDB), with quick settings for tests: poll every 50 ms,
 * leases of 2.5 s, requests time out after 1 s, retries from 100 ms doubling to 1 s, 5 attempts.
 */
public final class AlertStore implements AutoCloseable {

    public static final SecretCipher CIPHER = new SecretCipher("alert-tests-master-key-0123456789");
    public static final DispatchSettings QUICK = new DispatchSettings(Duration.ofMillis(50), Duration.ofMillis(2500),
            Duration.ofSeconds(1), 5, Duration.ofMillis(100), Duration.ofSeconds(1), 5000, Duration.ofMillis(200),
            Map.of());

    private final TestDatabase database;
    private final Clock clock = Clock.systemUTC();
    public final AlertChannelRepository channels;
    public final AlertRuleRepository rules;
    public final AlertPipeline pipeline;
    public final AlertOutbox outbox;
    public final AlertHistory history;
    private final HttpClient http = HttpClient.newHttpClient();

    private AlertStore(TestDatabase database) {
        this.database = database;
        this.channels = new AlertChannelRepository(database.dsl(), CIPHER, clock);
        this.rules = new AlertRuleRepository(database.dsl());
        this.pipeline = new AlertPipeline(database.dsl(), rules,
                new AlertLinks("http://127.0.0.1:8080", URI.create("http://127.0.0.1:8081")), clock);
        this.outbox = new AlertOutbox(database.dsl(), clock);
        this.history = new AlertHistory(database.dsl());
    }

    public static AlertStore create(MetadataDatabaseKind kind) {
        return new AlertStore(TestDatabase.create(kind).migrate(List.of(MetadataSchema.CATALOG_SERVICE,
                JobSchema.SCHEMA)));
    }

    public TestDatabase database() {
        return database;
    }

    public AlertChannel channel(String name, String type, Map<String, Object> settings, Integer rateLimitPerMinute) {
        return channels.create(new NewAlertChannel(name, type, settings, rateLimitPerMinute).toChannel("test",
                Instant.now()));
    }

    /** A rule that sends every job failure to the channel. */
    public AlertRule everyFailureTo(AlertChannel channel) {
        return rules.create(new NewAlertRule(null, "JOB_FAILED", null, null, List.of(channel.id()), null, null, null,
                null).toRule("test", Instant.now()));
    }

    /** Raises a failure of job {@code job-<n>} named {@code orders-<n>}, in a transaction of its own. */
    public Optional<String> fail(int n) {
        return pipeline.publish(failure(n));
    }

    /** Raises failures of jobs {@code from..to} in one transaction, as when a cluster dies with its jobs. */
    public void failAtOnce(int from, int to) {
        database.dsl().transaction(configuration -> {
            for (int n = from; n <= to; n++) {
                pipeline.accept(configuration.dsl(), failure(n));
            }
        });
    }

    public static AlertEvent failure(int n) {
        return AlertEvent.ofJob(AlertEventType.JOB_FAILED, "job-" + n, "orders-" + n, "embedded",
                Optional.of(String.format("%032x", n)), "java.lang.RuntimeException: failure " + n, Instant.now());
    }

    public AlertDispatchers dispatchers(String holder, DispatchSettings settings) {
        AlertDispatchers dispatchers = new AlertDispatchers(database.dsl(), channels, outbox,
                ChannelSenders.standard(http, settings.requestTimeout(), clock), settings, clock, holder);
        dispatchers.start();
        return dispatchers;
    }

    /** How many deliveries are in each status. */
    public Map<DeliveryStatus, Integer> counts(AlertChannel channel) {
        return history.countsByStatus(channel.id());
    }

    @Override
    public void close() {
        database.close();
    }
}
