package io.tributary.alert.testing;

import io.tributary.alert.Alert;
import io.tributary.alert.AlertEventType;
import io.tributary.alert.AlertSeverity;
import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.ChannelType;
import io.tributary.alert.channel.OutgoingMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Fixed alerts and channels for the channel tests: every field known, so payloads can be checked exactly. */
public final class SampleAlerts {

    public static final Instant OCCURRED = Instant.parse("2026-11-24T10:15:30Z");
    public static final String FLINK_JOB = "0123456789abcdef0123456789abcdef";

    private SampleAlerts() {}

    /** Job {@code job-<n>} named {@code orders-<n>} failed on the embedded cluster. */
    public static Alert failed(int n) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("tributary", "http://127.0.0.1:8080/api/v1/jobs/job-" + n);
        links.put("flink", "http://127.0.0.1:8081/#/job/completed/" + FLINK_JOB + "/overview");
        return new Alert("alert-" + n, AlertEventType.JOB_FAILED, AlertSeverity.CRITICAL, List.of("rule-1"),
                Optional.of("job-" + n), Optional.of("orders-" + n), Optional.of("embedded"), Optional.of("embedded"),
                Optional.of(FLINK_JOB), "java.lang.NumberFormatException: For input string: \"abc\"",
                OptionalInt.empty(), links, OCCURRED, OCCURRED);
    }

    public static OutgoingMessage single(int n) {
        return new OutgoingMessage("msg-" + n, OutgoingMessage.Kind.ALERT, 1, 1, List.of(failed(n)), OCCURRED);
    }

    public static OutgoingMessage digest(String key, int count) {
        List<Alert> alerts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            alerts.add(failed(i));
        }
        return new OutgoingMessage(key, OutgoingMessage.Kind.DIGEST, 1, 1, alerts, OCCURRED);
    }

    public static AlertChannel channel(ChannelType type, Map<String, String> settings, Map<String, String> secrets) {
        return new AlertChannel("channel-" + type.label(), type.label() + "-test", type, settings, secrets,
                OptionalInt.empty(), "test", OCCURRED);
    }
}
