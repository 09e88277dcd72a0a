package io.tributary.server.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.secret.SecretRedactor;

/** The log message with credentials masked (Flink logs the options of a failed CREATE CATALOG in clear). */
public final class RedactedMessageConverter extends MessageConverter {

    private final SecretRedactor redactor = new SecretRedactor(SecretOptionPolicy.defaults());

    @Override
    public String convert(ILoggingEvent event) {
        return redactor.redact(super.convert(event));
    }
}
