package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.StatementAnalysis;
import java.time.Instant;
import java.util.Optional;

/**
 * A statement the recorder saw arrive, before Flink runs it: its text as sent and as stored (credentials masked),
 * its analysis or why that failed, and the session it came from.
 */
record StartedStatement(
        SessionJournal journal,
        Instant startedAt,
        String text,
        String storedText,
        Optional<StatementAnalysis> analysis,
        Optional<String> analysisError,
        SessionScope scope,
        Optional<String> user,
        SessionCatalog catalog) {

    StartedStatement {
        requireNonNull(journal, "journal is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(text, "text is null");
        requireNonNull(storedText, "storedText is null");
        requireNonNull(analysis, "analysis is null");
        requireNonNull(analysisError, "analysisError is null");
        requireNonNull(scope, "scope is null");
        requireNonNull(user, "user is null");
        requireNonNull(catalog, "catalog is null");
    }
}
