package io.tributary.server.alert;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.alert.AlertHistory;
import io.tributary.alert.InvalidAlertDefinitionException;
import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.AlertChannelRepository;
import io.tributary.alert.channel.NewAlertChannel;
import io.tributary.alert.dispatch.AlertDispatchers;
import io.tributary.alert.dispatch.DispatchSettings;
import io.tributary.server.api.Actor;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Alert channels: {@code {"name", "type", <the type's settings>, "rateLimitPerMinute"}} — the settings given at the
 * top level or under {@code "settings"}. Secrets are stored encrypted and shown only as set or unset.
 */
@RestController
@RequestMapping("/api/v1/alert-channels")
class AlertChannelsController {

    private static final Set<String> COMMON = Set.of("name", "type", "rateLimitPerMinute", "settings");

    private final AlertChannelRepository channels;
    private final AlertHistory history;
    private final AlertDispatchers dispatchers;
    private final DispatchSettings settings;
    private final ChannelTester tester;
    private final Clock clock;

    AlertChannelsController(AlertChannelRepository channels, AlertHistory history, AlertDispatchers dispatchers,
            DispatchSettings settings, ChannelTester tester, Clock clock) {
        this.channels = requireNonNull(channels, "channels is null");
        this.history = requireNonNull(history, "history is null");
        this.dispatchers = requireNonNull(dispatchers, "dispatchers is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.tester = requireNonNull(tester, "tester is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @PostMapping
    @Operation(summary = "Create a channel: name, type (webhook, email, lark, dingtalk, wecom, slack), the type's"
            + " settings, rateLimitPerMinute")
    ResponseEntity<AlertViews.ChannelView> create(@RequestBody Map<String, Object> body, HttpServletRequest request) {
        Map<String, Object> typeSettings = new LinkedHashMap<>();
        if (body.get("settings") instanceof Map<?, ?> nested) {
            nested.forEach((key, value) -> typeSettings.put(String.valueOf(key), value));
        } else if (body.containsKey("settings")) {
            throw new InvalidAlertDefinitionException("settings", "must be an object");
        }
        body.forEach((key, value) -> {
            if (!COMMON.contains(key)) {
                typeSettings.put(key, value);
            }
        });
        NewAlertChannel definition = new NewAlertChannel(text(body.get("name")), text(body.get("type")),
                typeSettings, rate(body.get("rateLimitPerMinute")));
        AlertChannel channel = channels.create(definition.toChannel(Actor.of(request), clock.instant()));
        dispatchers.refreshSoon();
        return ResponseEntity.status(HttpStatus.CREATED).body(view(channel));
    }

    @GetMapping
    @Operation(summary = "Every channel, with its rate limit and how many of its alerts are in each delivery status")
    List<AlertViews.ChannelView> list() {
        return channels.list().stream().map(this::view).toList();
    }

    @GetMapping("/{id}")
    AlertViews.ChannelView get(@PathVariable String id) {
        return view(channel(id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a channel no rule sends to; its undelivered alerts become FAILED")
    ResponseEntity<Void> delete(@PathVariable String id) {
        if (!channels.delete(id)) {
            throw notFound(id);
        }
        dispatchers.refreshSoon();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/test")
    @Operation(summary = "Send a test message now and return the channel's answer (502 when it does not accept it)")
    ChannelTester.Result test(@PathVariable String id, HttpServletRequest request) throws InterruptedException {
        return tester.test(channel(id), Actor.of(request));
    }

    private AlertChannel channel(String id) {
        return channels.find(id).orElseThrow(() -> notFound(id));
    }

    private AlertViews.ChannelView view(AlertChannel channel) {
        return AlertViews.channel(channel, settings.defaultRate(channel.type()), history.countsByStatus(channel.id()));
    }

    private static TributaryException notFound(String id) {
        return new TributaryException(ErrorCode.NOT_FOUND, "no alert channel with id '" + id + "'");
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static Integer rate(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            return number.intValue();
        }
        try {
            return Integer.parseInt(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new InvalidAlertDefinitionException("rateLimitPerMinute", "'" + value + "' is not a whole number");
        }
    }
}
