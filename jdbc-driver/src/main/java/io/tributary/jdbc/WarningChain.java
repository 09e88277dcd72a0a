package io.tributary.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.SQLWarning;

/** The warnings of a connection, statement or result, first to last, as JDBC chains them. */
public final class WarningChain {

    private SQLWarning first;

    public void add(SQLWarning warning) {
        requireNonNull(warning, "warning is null");
        if (first == null) {
            first = warning;
        } else {
            first.setNextWarning(warning);
        }
    }

    /** The first warning (the others follow it through {@link SQLWarning#getNextWarning()}), null when none. */
    public SQLWarning first() {
        return first;
    }

    public void clear() {
        first = null;
    }
}
