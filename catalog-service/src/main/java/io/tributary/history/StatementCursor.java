package io.tributary.history;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a page of the history ended: the start time and id of its last statement. Pages are ordered newest first
 * by (start time, id), so a cursor stays valid while new statements arrive. Its text form is opaque to clients.
 */
public record StatementCursor(Instant startedAt, String id) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,19})~([A-Za-z0-9-]{1,36})");

    public StatementCursor {
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(id, "id is null");
    }

    public static StatementCursor of(StatementRecord last) {
        return new StatementCursor(last.startedAt(), last.id());
    }

    /** Reads a cursor a previous page gave out. */
    public static StatementCursor parse(String text) {
        Matcher matcher = TEXT.matcher(requireNonNull(text, "text is null"));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a cursor of the statement history");
        }
        return new StatementCursor(Instant.ofEpochMilli(Long.parseLong(matcher.group(1))), matcher.group(2));
    }

    @Override
    public String toString() {
        return startedAt.toEpochMilli() + "~" + id;
    }
}
