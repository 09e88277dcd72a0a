package io.tributary.server.startup;

import java.io.PrintStream;
import java.util.Optional;
import org.springframework.boot.SpringBootExceptionReporter;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.validation.FieldError;

/**
 * Turns a failed start-up into one line on standard error that names the setting and what to do, instead of a
 * wall of stack traces. Registered in META-INF/spring.factories; the full trace still goes to the log at DEBUG.
 */
public final class StartupFailureReporter implements SpringBootExceptionReporter {

    private final PrintStream out;

    public StartupFailureReporter(ConfigurableApplicationContext context) {
        this(System.err);
    }

    StartupFailureReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public boolean reportException(Throwable failure) {
        out.println("tributary: cannot start: " + describe(failure));
        out.flush();
        return true;
    }

    /** The one line for a start-up failure. */
    static String describe(Throwable failure) {
        return find(failure, StartupFailure.class).map(Throwable::getMessage)
                .or(() -> find(failure, UnboundConfigurationPropertiesException.class).map(
                        StartupFailureReporter::describeUnknown))
                .or(() -> find(failure, BindValidationException.class).map(StartupFailureReporter::describeInvalid))
                .or(() -> find(failure, BindException.class).map(StartupFailureReporter::describeMalformed))
                .or(() -> find(failure, PortInUseException.class).map(
                        e -> "server.port (TRIBUTARY_PORT): port " + e.getPort()
                                + " is already in use; stop what listens there or choose another port"))
                .orElseGet(() -> "unexpected error: " + rootCause(failure)
                        + " (the log has the details; please report it if no setting explains it)");
    }

    private static String describeUnknown(UnboundConfigurationPropertiesException e) {
        return e.getUnboundProperties().stream()
                .map(ConfigurationProperty::getName)
                .map(String::valueOf)
                .sorted()
                .reduce((a, b) -> a + ", " + b)
                .map(names -> names + ": unknown setting; check its spelling against the README's settings table")
                .orElse("unknown setting");
    }

    private static String describeInvalid(BindValidationException e) {
        String prefix = e.getValidationErrors().getName().toString();
        return e.getValidationErrors().getAllErrors().stream()
                .map(error -> error instanceof FieldError field
                        ? prefix + "." + field.getField() + ": " + field.getDefaultMessage()
                                + " (was '" + field.getRejectedValue() + "')"
                        : prefix + ": " + error.getDefaultMessage())
                .reduce((a, b) -> a + "; " + b)
                .orElse(prefix + ": invalid");
    }

    private static String describeMalformed(BindException e) {
        String reason = e.getCause() == null ? e.getMessage() : rootCause(e.getCause());
        Object value = e.getProperty() == null ? null : e.getProperty().getValue();
        return e.getName() + ": malformed value '" + value + "': " + reason;
    }

    private static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message.lines().findFirst().orElse(""));
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
