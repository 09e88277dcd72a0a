package io.tributary.alert;

import java.util.Locale;
import java.util.Optional;

/** How urgent an alert is; a rule sets it, each event type has a default. */
public enum AlertSeverity {
    INFO,
    WARNING,
    CRITICAL;

    public static Optional<AlertSeverity> fromText(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
