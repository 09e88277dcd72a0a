package io.tributary.job.promote;

import static java.util.Objects.requireNonNull;

import io.tributary.job.sql.FlinkErrorMessage;
import java.util.Optional;

/**
 * A promotion that cannot be stored: a missing field, an unknown cluster, a statement of the wrong kind, or one
 * Flink's planner rejects (with its message and position). Nothing is stored.
 */
public final class InvalidPromotionException extends RuntimeException {

    private final String field;
    private final Optional<FlinkErrorMessage.Position> position;

    public InvalidPromotionException(String field, String message) {
        this(field, message, Optional.empty(), null);
    }

    public InvalidPromotionException(String field, String message, Optional<FlinkErrorMessage.Position> position,
            Throwable cause) {
        super(message, cause);
        this.field = requireNonNull(field, "field is null");
        this.position = requireNonNull(position, "position is null");
    }

    public String field() {
        return field;
    }

    public Optional<FlinkErrorMessage.Position> position() {
        return position;
    }
}
