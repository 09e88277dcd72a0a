package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import io.tributary.history.StatementCursor;
import io.tributary.history.StatementFilter;
import io.tributary.history.StatementHistoryRepository;
import io.tributary.history.StatementPage;
import io.tributary.history.StatementRecord;
import io.tributary.history.StatementStatus;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The statement history: every statement every client ran through the gateway, newest first. */
@RestController
@RequestMapping("/api/v1/statements")
class StatementsController {

    private final StatementHistoryRepository history;

    StatementsController(StatementHistoryRepository history) {
        this.history = requireNonNull(history, "history is null");
    }

    record StatementView(String id, String sessionId, String sessionName, String client, String user,
            String statement, String kind, String analysisError, String catalog, String database, List<String> reads,
            List<String> writes, String status, Instant startedAt, Instant endedAt, Long durationMillis, Long rows,
            String flinkJobId, String error) {

        static StatementView of(StatementRecord record) {
            return new StatementView(record.id(), record.sessionId(), record.sessionName().orElse(null),
                    record.client(), record.user().orElse(null), record.text(),
                    record.kind().map(Enum::name).orElse(null), record.analysisError().orElse(null), record.catalog(),
                    record.database(), names(record.reads()), names(record.writes()), record.status().name(),
                    record.startedAt(), record.endedAt().orElse(null),
                    record.endedAt().map(end -> end.toEpochMilli() - record.startedAt().toEpochMilli()).orElse(null),
                    record.rows().isPresent() ? record.rows().getAsLong() : null, record.flinkJobId().orElse(null),
                    record.error().orElse(null));
        }

        private static List<String> names(java.util.Set<TablePath> tables) {
            return tables.stream().map(TablePath::toString).toList();
        }
    }

    record Page(List<StatementView> statements, String nextCursor) {}

    @GetMapping
    @Operation(summary = "Statements newest first, filtered by user, table (read or written), kind, status and start"
            + " time (from inclusive, to exclusive; ISO-8601 or epoch milliseconds); paged with limit and the"
            + " nextCursor of the previous page")
    Page list(@RequestParam(required = false) String user, @RequestParam(required = false) String table,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "50") int limit, @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > StatementFilter.MAX_LIMIT) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST,
                    "limit must be between 1 and " + StatementFilter.MAX_LIMIT + ", was " + limit);
        }
        StatementFilter filter = StatementFilter.all(limit)
                .between(time("from", from), time("to", to));
        if (present(user)) {
            filter = filter.withUser(user.strip());
        }
        if (present(table)) {
            filter = filter.withTable(TableNames.parse("table", table));
        }
        if (present(kind)) {
            filter = filter.withKind(constant("kind", kind, StatementKind.class));
        }
        if (present(status)) {
            filter = filter.withStatus(constant("status", status, StatementStatus.class));
        }
        if (present(cursor)) {
            try {
                filter = filter.after(StatementCursor.parse(cursor.strip()));
            } catch (IllegalArgumentException e) {
                throw new TributaryException(ErrorCode.INVALID_REQUEST, e.getMessage());
            }
        }
        StatementPage page = history.search(filter);
        return new Page(page.statements().stream().map(StatementView::of).toList(),
                page.next().map(StatementCursor::toString).orElse(null));
    }

    @GetMapping("/{id}")
    StatementView get(@PathVariable String id) {
        return history.find(id).map(StatementView::of).orElseThrow(() -> new TributaryException(ErrorCode.NOT_FOUND,
                "no statement with id '" + id + "' in the history"));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Optional<Instant> time(String parameter, String value) {
        if (!present(value)) {
            return Optional.empty();
        }
        String text = value.strip();
        try {
            return Optional.of(text.chars().allMatch(Character::isDigit)
                    ? Instant.ofEpochMilli(Long.parseLong(text)) : Instant.parse(text));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, parameter
                    + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch milliseconds, was '" + value + "'");
        }
    }

    private static <E extends Enum<E>> E constant(String parameter, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, parameter + " must be one of "
                    + Arrays.toString(type.getEnumConstants()) + ", was '" + value + "'");
        }
    }
}
