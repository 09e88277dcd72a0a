package io.tributary.alert.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.alert.AlertHistory;
import io.tributary.alert.DeliveryStatus;
import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.testing.AlertStore;
import io.tributary.alert.testing.FakeChannelServer;
import io.tributary.alert.testing.FakeChannelServer.Answer;
import io.tributary.metadata.MetadataDatabaseKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dispatching from the outbox on H2 and MariaDB, against real HTTP servers on 127.0.0.1: retries with backoff that
 * honour Retry-After, visible failure after the last attempt, a burst merged into a digest that names every job
 * and keeps the rate limit, digests split to the platform's size limit, an abrupt stop in the middle of a backlog
 * followed by a restart (every alert delivered, at most one duplicate each), and one dispatcher per channel across
 * instances.
 */
class AlertDispatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WECOM_JOB = Pattern.compile("job 'orders-(\\d+)' failed",
            Pattern.CASE_INSENSITIVE);

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void retriesHonourRetryAfterAndBackOffUntilTheChannelAccepts(MetadataDatabaseKind kind) throws Exception {
        AlertStore store = closing(AlertStore.create(kind));
        FakeChannelServer server = closing(FakeChannelServer.start(request -> Answer.status(204, "")));
        server.then(Answer.throttle(1, "slow down"), Answer.status(503, "busy"),
                Answer.hang(Duration.ofSeconds(3), ""));
        AlertChannel channel = store.channel("hook", "webhook", Map.of("url", server.url("/hook").toString(),
                "secret", "s3cret"), null);
        store.everyFailureTo(channel);
        String alertId = store.fail(1).orElseThrow();
        closing(store.dispatchers("instance-1", AlertStore.QUICK));

        await(Duration.ofSeconds(20), () -> status(store, alertId) == DeliveryStatus.DELIVERED);
        List<FakeChannelServer.Received> requests = server.received();
        assertThat(requests).hasSize(4);
        assertThat(requests).extracting(request -> request.header("X-Tributary-Idempotency-Key"))
                .as("every attempt carries the same idempotency key").containsOnly(requests.get(0)
                        .header("X-Tributary-Idempotency-Key"));
        assertThat(Duration.between(requests.get(0).at(), requests.get(1).at()))
                .as("Retry-After: 1 honoured").isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(Duration.between(requests.get(1).at(), requests.get(2).at()))
                .as("backoff after the second attempt").isGreaterThanOrEqualTo(Duration.ofMillis(180));
        assertThat(Duration.between(requests.get(2).at(), requests.get(3).at()))
                .as("the hang is cut at the 1 s timeout, then backoff").isGreaterThanOrEqualTo(Duration.ofMillis(1350));
        AlertHistory.Delivery delivery = store.history.find(alertId).orElseThrow().deliveries().get(0);
        assertThat(delivery.attempts()).isEqualTo(4);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.lastError()).contains("no answer from 127.0.0.1 within 1000 ms");
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void afterTheLastAttemptTheAlertIsFailedWithTheReasonAndARejectionFailsAtOnce(MetadataDatabaseKind kind)
            throws Exception {
        AlertStore store = closing(AlertStore.create(kind));
        FakeChannelServer down = closing(FakeChannelServer.start(request -> Answer.status(503, "maintenance")));
        FakeChannelServer wrong = closing(FakeChannelServer.start(request -> Answer.ok(
                "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}")));
        AlertChannel failing = store.channel("failing", "webhook", Map.of("url", down.url("/hook").toString()), null);
        AlertChannel rejecting = store.channel("rejecting", "dingtalk", Map.of("url",
                wrong.url("/robot/send?access_token=t").toString(), "secret", "SECx"), null);
        store.everyFailureTo(failing);
        store.everyFailureTo(rejecting);
        String alertId = store.fail(1).orElseThrow();
        closing(store.dispatchers("instance-1", AlertStore.QUICK));

        await(Duration.ofSeconds(20), () -> store.history.find(alertId).orElseThrow().deliveries().stream()
                .allMatch(delivery -> delivery.status() == DeliveryStatus.FAILED));
        Map<String, AlertHistory.Delivery> deliveries = new HashMap<>();
        store.history.find(alertId).orElseThrow().deliveries().forEach(d -> deliveries.put(d.channelId(), d));
        assertThat(deliveries.get(failing.id()).attempts()).isEqualTo(5);
        assertThat(deliveries.get(failing.id()).lastError())
                .contains("gave up after 5 attempts; the last: HTTP 503: maintenance");
        assertThat(down.received()).hasSize(5);
        assertThat(deliveries.get(rejecting.id()).attempts()).isEqualTo(1);
        assertThat(deliveries.get(rejecting.id()).lastError()).contains("rejected by the channel: HTTP 200: "
                + "{\"errcode\":310000,\"errmsg\":\"keywords not in content\"}");
        assertThat(wrong.received()).hasSize(1);
        assertThat(store.history.recent(10, Optional.of(DeliveryStatus.FAILED), Optional.empty())).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aBurstBecomesADigestThatNamesEveryJobWithinTheRateLimit(MetadataDatabaseKind kind) throws Exception {
        AlertStore store = closing(AlertStore.create(kind));
        FakeChannelServer server = closing(FakeChannelServer.start(request -> Answer.ok("{}")));
        AlertChannel channel = store.channel("hook", "webhook", Map.of("url", server.url("/hook").toString()), 20);
        store.everyFailureTo(channel);
        closing(store.dispatchers("instance-1", AlertStore.QUICK));
        Thread.sleep(300);

        Instant firstFailure = Instant.now();
        for (int n = 1; n <= 200; n++) {
            store.fail(n);
        }
        await(Duration.ofSeconds(30), () -> store.counts(channel).get(DeliveryStatus.DELIVERED) == 200);
        List<FakeChannelServer.Received> requests = server.received();
        assertThat(Duration.between(firstFailure, requests.get(0).at())).isLessThan(Duration.ofSeconds(1));
        assertThat(requests.size()).as("at most the 20 a minute the channel allows").isLessThanOrEqualTo(20);
        Map<String, Integer> seen = new HashMap<>();
        boolean digest = false;
        for (FakeChannelServer.Received request : requests) {
            JsonNode body = JSON.readTree(request.body());
            digest |= body.path("kind").asText().equals("digest");
            for (JsonNode alert : body.path("alerts")) {
                seen.merge(alert.path("job").path("name").asText(), 1, Integer::sum);
            }
        }
        assertThat(digest).isTrue();
        assertThat(seen).hasSize(200);
        assertThat(seen.values()).containsOnly(1);
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void aDigestIsSplitOnlyWhereThePlatformsSizeLimitForcesIt(MetadataDatabaseKind kind) throws Exception {
        AlertStore store = closing(AlertStore.create(kind));
        FakeChannelServer server = closing(FakeChannelServer.start(request ->
                Answer.ok("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        AlertChannel channel = store.channel("wecom", "wecom", Map.of("url",
                server.url("/cgi-bin/webhook/send?key=k").toString()), 20);
        store.everyFailureTo(channel);
        store.failAtOnce(1, 300);
        closing(store.dispatchers("instance-1", AlertStore.QUICK));

        await(Duration.ofSeconds(30), () -> store.counts(channel).get(DeliveryStatus.DELIVERED) == 300);
        // A part whose answer came later than the timeout is sent again, with its key: count each key once.
        Map<String, FakeChannelServer.Received> byKey = new java.util.LinkedHashMap<>();
        server.received().forEach(request -> byKey.putIfAbsent(key(request.body()), request));
        List<FakeChannelServer.Received> requests = new ArrayList<>(byKey.values());
        Map<Integer, Integer> seen = jobsIn(requests);
        assertThat(seen).hasSize(300);
        assertThat(seen.values()).containsOnly(1);
        int parts = requests.size();
        assertThat(parts).isGreaterThan(1);
        for (int i = 0; i < parts; i++) {
            String content = JSON.readTree(requests.get(i).body()).path("markdown").path("content").asText();
            assertThat(content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
            assertThat(content).contains("(part " + (i + 1) + " of " + parts + ")");
        }
        int perPart = 300 / parts;
        assertThat(perPart).as("parts are full, not one alert each").isGreaterThan(10);
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void anAbruptStopInTheMiddleOfABacklogLosesNothingAndDuplicatesAtMostOnce(MetadataDatabaseKind kind)
            throws Exception {
        AlertStore store = closing(AlertStore.create(kind));
        FakeChannelServer server = closing(FakeChannelServer.start(request ->
                Answer.ok("{\"errcode\":0,\"errmsg\":\"ok\"}").delayed(Duration.ofMillis(300))));
        AlertChannel channel = store.channel("wecom", "wecom", Map.of("url",
                server.url("/cgi-bin/webhook/send?key=k").toString()), 60);
        store.everyFailureTo(channel);
        store.failAtOnce(1, 400);
        AlertDispatchers first = store.dispatchers("instance-1", AlertStore.QUICK);
        await(Duration.ofSeconds(20), () -> server.received().size() >= 4);
        first.crash();
        int beforeCrash = server.received().size();
        assertThat(store.counts(channel).get(DeliveryStatus.PENDING)).as("a backlog is left").isGreaterThan(0);

        AlertDispatchers second = closing(store.dispatchers("instance-2", AlertStore.QUICK));
        await(Duration.ofSeconds(30), () -> store.counts(channel).get(DeliveryStatus.DELIVERED) == 400);
        assertThat(second.holding()).contains(channel.id());
        Map<Integer, Integer> seen = jobsIn(server.received());
        assertThat(seen).as("every job in a delivered message").hasSize(400);
        assertThat(seen.values()).as("at most one duplicate per alert").allMatch(count -> count <= 2);
        assertThat(server.received().size()).isGreaterThan(beforeCrash);
        // Only the message in flight at the crash can be sent twice, and then with the same key.
        List<String> keys = server.received().stream().map(request -> key(request.body())).toList();
        assertThat(keys.size() - new HashSet<>(keys).size()).isLessThanOrEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(MetadataDatabaseKind.class)
    void oneInstanceAtATimeDispatchesAChannelAndAnotherTakesOverWhenItsLeaseLapses(MetadataDatabaseKind kind)
            throws Exception {
        AlertStore store = closing(AlertStore.create(kind));
        FakeChannelServer server = closing(FakeChannelServer.start(request -> Answer.status(200, "")));
        AlertChannel channel = store.channel("hook", "webhook", Map.of("url", server.url("/hook").toString()), 6000);
        store.everyFailureTo(channel);
        AlertDispatchers a = store.dispatchers("instance-a", AlertStore.QUICK);
        AlertDispatchers b = closing(store.dispatchers("instance-b", AlertStore.QUICK));
        await(Duration.ofSeconds(10), () -> !a.holding().isEmpty() || !b.holding().isEmpty());
        AlertDispatchers holder = a.holding().isEmpty() ? b : a;
        AlertDispatchers other = holder == a ? b : a;
        for (int n = 1; n <= 30; n++) {
            store.fail(n);
            Thread.sleep(20);
            assertThat(other.holding()).isEmpty();
        }
        await(Duration.ofSeconds(10), () -> store.counts(channel).get(DeliveryStatus.DELIVERED) == 30);
        String holderName = DatabaseLease.holderOf(store.database().dsl(), AlertDispatchers.leaseName(channel.id()))
                .orElseThrow().holder();
        assertThat(holderName).isEqualTo(holder == a ? "instance-a" : "instance-b");

        holder.crash();
        Instant crashed = Instant.now();
        for (int n = 31; n <= 40; n++) {
            store.fail(n);
        }
        await(Duration.ofSeconds(15), () -> store.counts(channel).get(DeliveryStatus.DELIVERED) == 40);
        assertThat(other.holding()).contains(channel.id());
        assertThat(Duration.between(crashed, Instant.now())).as("taken over after the 2.5 s lease lapsed")
                .isGreaterThan(Duration.ofMillis(2000));
        Set<String> alertIds = new HashSet<>();
        for (FakeChannelServer.Received request : server.received()) {
            JSON.readTree(request.body()).path("alerts").forEach(alert -> alertIds.add(alert.path("id").asText()));
        }
        assertThat(alertIds).hasSize(40);
        if (holder != a) {
            a.close();
        }
    }

    private static Map<Integer, Integer> jobsIn(List<FakeChannelServer.Received> requests) throws Exception {
        Map<Integer, Integer> seen = new HashMap<>();
        for (FakeChannelServer.Received request : requests) {
            String content = JSON.readTree(request.body()).path("markdown").path("content").asText();
            Matcher matcher = WECOM_JOB.matcher(content);
            while (matcher.find()) {
                seen.merge(Integer.parseInt(matcher.group(1)), 1, Integer::sum);
            }
        }
        return seen;
    }

    private static String key(String body) {
        try {
            String content = JSON.readTree(body).path("markdown").path("content").asText();
            return content.substring(content.lastIndexOf(' ') + 1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static DeliveryStatus status(AlertStore store, String alertId) {
        return store.history.find(alertId).orElseThrow().deliveries().get(0).status();
    }

    private static void await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("not within " + timeout);
    }
}
