package io.tributary.server.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.secret.SecretRedactor;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Stack traces in the log, with credentials masked in every message they carry. */
public final class RedactedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    private final SecretRedactor redactor = new SecretRedactor(SecretOptionPolicy.defaults());

    @Override
    protected String throwableProxyToString(IThrowableProxy throwable) {
        return redactor.redact(super.throwableProxyToString(throwable));
    }
}
