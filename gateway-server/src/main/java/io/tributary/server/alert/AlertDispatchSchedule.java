package io.tributary.server.alert;

import static java.util.Objects.requireNonNull;

import io.tributary.alert.dispatch.AlertDispatchers;
import io.tributary.server.config.TributaryProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts the dispatchers once the server is up, unless {@code tributary.alerts.enabled} is false. */
@Component
class AlertDispatchSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatchSchedule.class);

    private final AlertDispatchers dispatchers;
    private final boolean enabled;

    AlertDispatchSchedule(AlertDispatchers dispatchers, TributaryProperties properties) {
        this.dispatchers = requireNonNull(dispatchers, "dispatchers is null");
        this.enabled = properties.alerts().enabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (enabled) {
            dispatchers.start();
        } else {
            LOG.info("Alert dispatchers are off on this instance (tributary.alerts.enabled=false); alerts are still"
                    + " written to the outbox for the instances that run them");
        }
    }
}
