package io.tributary.jdbc;

import java.sql.SQLException;
import java.sql.Wrapper;

/**
 * {@link Wrapper} for the driver's objects, which wrap nothing: each unwraps to itself (or to any type it is), and
 * asking for anything else is an {@code INVALID_ARGUMENT} error.
 */
public interface SelfWrapper extends Wrapper {

    @Override
    default <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw Errors.of(ErrorCode.INVALID_ARGUMENT, "not a wrapper of " + type.getName());
    }

    @Override
    default boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
