package io.tributary.server.alert;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.alert.AlertHistory;
import io.tributary.alert.DeliveryStatus;
import io.tributary.alert.channel.AlertChannelRepository;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Raised alerts, newest first, with their delivery to each channel: status, attempts, last error. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertsController {

    private final AlertHistory history;
    private final AlertChannelRepository channels;

    AlertsController(AlertHistory history, AlertChannelRepository channels) {
        this.history = requireNonNull(history, "history is null");
        this.channels = requireNonNull(channels, "channels is null");
    }

    @GetMapping
    @Operation(summary = "The newest alerts (limit 1-1000, default 100); status: only those with a delivery in it"
            + " (PENDING, DELIVERED, FAILED, MUTED); job: only that job's")
    List<AlertViews.AlertView> list(@RequestParam(defaultValue = "100") int limit,
            @RequestParam(required = false) String status, @RequestParam(required = false) String job) {
        if (limit < 1 || limit > 1000) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and 1000, was " + limit);
        }
        Optional<DeliveryStatus> wanted = Optional.ofNullable(status).map(AlertsController::status);
        Map<String, String> names = channels.names();
        return history.recent(limit, wanted, Optional.ofNullable(job)).stream()
                .map(entry -> AlertViews.alert(entry, names)).toList();
    }

    @GetMapping("/{id}")
    AlertViews.AlertView get(@PathVariable String id) {
        return history.find(id).map(entry -> AlertViews.alert(entry, channels.names()))
                .orElseThrow(() -> new TributaryException(ErrorCode.NOT_FOUND, "no alert with id '" + id + "'"));
    }

    private static DeliveryStatus status(String text) {
        try {
            return DeliveryStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "status must be one of "
                    + List.of(DeliveryStatus.values()) + ", was '" + text + "'");
        }
    }
}
