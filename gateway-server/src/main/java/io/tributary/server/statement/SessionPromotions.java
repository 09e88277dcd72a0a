package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.SessionScope;
import io.tributary.job.promote.InvalidPromotionException;
import io.tributary.job.promote.PromoteRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.context.SessionContext;

/**
 * Promotes from an open gateway session: the statement of one of its operations (as the recorder saw it) or a
 * given text, with what the session holds frozen — its current catalog and database, the options its user chose
 * (those it was opened with and those SET since; not the server's defaults), and the statements that set it up
 * (the DDL of its temporary tables, views and functions in order, those dropped since left out; ADD JAR and
 * module statements), each in the catalog and database it ran in.
 */
public final class SessionPromotions {

    private static final String INTERNAL_OPTIONS = "$internal.";

    private final StatementRecorder recorder;

    SessionPromotions(StatementRecorder recorder) {
        this.recorder = requireNonNull(recorder, "recorder is null");
    }

    /**
     * The request completed from its session ({@link PromoteRequest#sourceSession()}): its statement (when blank,
     * the text of {@link PromoteRequest#sourceOperation()}), catalog, database, options (the request's own win)
     * and dependencies (the session's setup, then the request's own).
     *
     * @throws SessionStatementNotFoundException when the session is not open or did not run the operation
     */
    public PromoteRequest fromSession(PromoteRequest request) {
        requireNonNull(request, "request is null");
        String sessionId = request.sourceSession()
                .orElseThrow(() -> new IllegalArgumentException("the request names no session"));
        SessionJournal journal = handle(sessionId).flatMap(recorder::journal)
                .orElseThrow(() -> new SessionStatementNotFoundException("no open gateway session with id '"
                        + sessionId + "': promote a statement of a session while the session is open"));
        String statement = request.statement();
        Optional<String> operation = request.sourceOperation().map(String::strip).filter(id -> !id.isEmpty());
        if (statement.isBlank()) {
            String operationId = operation.orElseThrow(() -> new InvalidPromotionException("statement",
                    "give the statement, or the operationId of a statement the session ran"));
            statement = journal.statement(operationId).map(SessionJournal.RememberedStatement::text)
                    .orElseThrow(() -> new SessionStatementNotFoundException("session '" + sessionId
                            + "' ran no statement with operation id '" + operationId + "' (an open session keeps its"
                            + " last " + SessionJournal.REMEMBERED_STATEMENTS + " statements)"));
        }
        SessionContext context = journal.context().orElseThrow(() -> new SessionStatementNotFoundException(
                "gateway session '" + sessionId + "' cannot be read"));
        CatalogManager catalogs = context.getSessionState().catalogManager;
        SessionScope scope = new SessionScope(catalogs.getCurrentCatalog(), catalogs.getCurrentDatabase());
        Map<String, String> options = new LinkedHashMap<>();
        journal.userOptions(context.getSessionConf().toMap()).forEach((key, value) -> {
            if (!key.startsWith(INTERNAL_OPTIONS)) {
                options.put(key, value);
            }
        });
        options.putAll(request.options());
        List<String> dependencies = new ArrayList<>(setup(journal.setup(), scope));
        dependencies.addAll(request.dependencies());
        return new PromoteRequest(request.name(), statement, scope.catalog(), scope.database(), options,
                dependencies, request.jars(), request.clusterId(), request.sinkTable(), request.autoRestart(),
                request.sourceSession(), operation, request.actor());
    }

    /** The setup statements, each preceded by a USE where it ran elsewhere, ending in {@code scope}. */
    static List<String> setup(List<SessionJournal.SetupStatement> statements, SessionScope scope) {
        List<String> setup = new ArrayList<>();
        SessionScope current = scope;
        for (SessionJournal.SetupStatement statement : statements) {
            if (!statement.scope().equals(current)) {
                setup.add(use(statement.scope()));
                current = statement.scope();
            }
            setup.add(statement.text());
        }
        if (!current.equals(scope)) {
            setup.add(use(scope));
        }
        return setup;
    }

    private static String use(SessionScope scope) {
        return "USE " + quote(scope.catalog()) + "." + quote(scope.database());
    }

    private static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    private static Optional<SessionHandle> handle(String sessionId) {
        try {
            return Optional.of(new SessionHandle(UUID.fromString(sessionId.strip())));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}
