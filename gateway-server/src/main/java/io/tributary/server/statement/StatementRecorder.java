package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.AnalysisFailedException;
import io.tributary.analysis.ObjectReference;
import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.SqlSyntaxError;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementAnalyzer;
import io.tributary.analysis.StatementKind;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.TableReference;
import io.tributary.catalog.secret.SecretRedactor;
import io.tributary.history.StatementEnd;
import io.tributary.history.StatementRecord;
import io.tributary.history.StatementStatus;
import io.tributary.lineage.TableFlow;
import io.tributary.server.gateway.GatewayServiceDecorator;
import io.tributary.server.gateway.GatewaySessions;
import io.tributary.server.impact.ImpactCheck;
import io.tributary.server.impact.ImpactRefusedException;
import io.tributary.server.lineage.StatementFlows;
import io.tributary.server.search.MetadataIndexMaintainer;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.catalog.CatalogManager;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.gateway.api.SqlGatewayService;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.results.OperationInfo;
import org.apache.flink.table.gateway.api.results.ResultSet;
import org.apache.flink.table.gateway.api.session.SessionEnvironment;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.service.context.SessionContext;
import org.apache.flink.table.gateway.service.operation.OperationManager;
import org.apache.flink.table.gateway.service.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every statement of every gateway session — Flink's REST protocol (sql-client, Flink's JDBC driver) and the
 * server's own sessions alike — through {@link RecordingSqlGatewayService}, and:
 * <ul>
 *   <li>analyses it in its session (current catalog and database, temporary objects, views);
 *   <li>refuses a DROP or ALTER that running managed jobs depend on ({@link ImpactCheck}), unless the session sets
 *       {@code 'tributary.impact.force' = 'true'};
 *   <li>records it in the statement history when it starts and when it ends (FINISHED, ERROR, CANCELED), with the
 *       rows a query returned and the Flink job it started where the client was told;
 *   <li>once it finished: records the lineage of INSERT, CTAS/RTAS and STATEMENT SET, updates the metadata index
 *       after DDL, and notes the session's temporary DDL for promotions.
 * </ul>
 * An analysis that fails never blocks a statement: it runs, and the history says why its analysis failed. Nothing
 * here fails a statement Flink accepts, except a refused impact.
 *
 * <p>An operation's end is seen when its client reads it (fetching results, asking its status, closing it) and by
 * a watcher that looks at Flink's operations every {@value #WATCH_MILLIS} ms without touching their sessions. A
 * statement that ends while its client waits has its effects (index, lineage) applied before the client hears of
 * the end.
 */
public final class StatementRecorder implements GatewayServiceDecorator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StatementRecorder.class);
    static final long WATCH_MILLIS = 100;
    private static final int REAP_EVERY = 50;
    private static final int RECENTLY_ENDED = 10_000;
    private static final String SERVER_SESSION_PREFIX = "tributary-";
    private static final SessionScope FLINK_DEFAULT_SCOPE = new SessionScope("default_catalog", "default_database");

    private final HistoryWriter writer;
    private final ImpactCheck impact;
    private final MetadataIndexMaintainer index;
    private final SecretRedactor redactor;
    private final Clock clock;
    private final Map<SessionHandle, SessionJournal> journals = new ConcurrentHashMap<>();
    private final Map<OperationHandle, InFlightStatement> inFlight = new ConcurrentHashMap<>();
    /** Ended statements whose Flink job id the client has not been told yet (INSERTs end before it fetches). */
    private final Map<OperationHandle, String> awaitingJobId = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<OperationHandle, String> eldest) {
                    return size() > RECENTLY_ENDED;
                }
            });
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tributary-statement-watcher");
        thread.setDaemon(true);
        return thread;
    });
    private volatile GatewaySessions sessions;
    private volatile boolean closed;
    private long watchRounds;

    StatementRecorder(HistoryWriter writer, ImpactCheck impact, MetadataIndexMaintainer index,
            SecretRedactor redactor, Clock clock) {
        this.writer = requireNonNull(writer, "writer is null");
        this.impact = requireNonNull(impact, "impact is null");
        this.index = requireNonNull(index, "index is null");
        this.redactor = requireNonNull(redactor, "redactor is null");
        this.clock = requireNonNull(clock, "clock is null");
        watcher.scheduleWithFixedDelay(this::watch, WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public SqlGatewayService decorate(SqlGatewayService service, GatewaySessions gatewaySessions) {
        this.sessions = requireNonNull(gatewaySessions, "gatewaySessions is null");
        try {
            // Load Flink's parser now rather than in the first user's statement.
            analyze("SELECT 1", FLINK_DEFAULT_SCOPE, SessionCatalog.empty());
        } catch (SqlSyntaxError | AnalysisFailedException | RuntimeException e) {
            LOG.warn("Statement analysis does not work: {}", e.toString());
        }
        return new RecordingSqlGatewayService(service, this);
    }

    // ------------------------------------------------------------------------------------------------ sessions

    void sessionOpened(SessionHandle handle, SessionEnvironment environment) {
        if (closed) {
            return;
        }
        try {
            Optional<SessionContext> context = session(handle).map(session -> session.createExecutor()
                    .getSessionContext());
            Map<String, String> initial = context.map(c -> c.getSessionConf().toMap()).orElse(Map.of());
            // What the client asked for and got (the server's own options cannot be overridden).
            Set<String> clientKeys = environment.getSessionConfig().entrySet().stream()
                    .filter(option -> option.getValue().equals(initial.get(option.getKey())))
                    .map(Map.Entry::getKey)
                    .collect(Collectors.toSet());
            Optional<String> name = environment.getSessionName();
            String client = name.filter(n -> n.startsWith(SERVER_SESSION_PREFIX)).isPresent()
                    ? "server" : "rest/" + environment.getSessionEndpointVersion();
            journals.put(handle, new SessionJournal(handle, name, client, context, initial, clientKeys));
        } catch (RuntimeException e) {
            LOG.warn("Session {} is not recorded: {}", handle, e.toString());
        }
    }

    /** Before a client closes its session: what its operations did so far. */
    void sessionClosing(SessionHandle handle) {
        forEachInFlightOf(handle, statement -> statement.flinkOperation
                .ifPresent(operation -> observe(statement, operation.getOperationInfo())));
    }

    void sessionClosed(SessionHandle handle) {
        journals.remove(handle);
        forEachInFlightOf(handle, statement -> end(statement, StatementStatus.CANCELED, Optional.empty()));
    }

    private void forEachInFlightOf(SessionHandle handle, java.util.function.Consumer<InFlightStatement> action) {
        for (InFlightStatement statement : List.copyOf(inFlight.values())) {
            if (statement.statement.journal().handle().equals(handle)) {
                guarded("end statement " + statement.id, () -> action.accept(statement));
            }
        }
    }

    /** The journal of an open session, for promotions. */
    Optional<SessionJournal> journal(SessionHandle handle) {
        SessionJournal journal = journals.get(handle);
        if (journal == null || (sessions != null && !sessions.isOpen(handle))) {
            return Optional.empty();
        }
        return Optional.of(journal);
    }

    // ---------------------------------------------------------------------------------------------- statements

    /**
     * A statement arrives: analysed, and checked against running jobs. Returns empty for a session the recorder
     * does not know (Flink will refuse it).
     *
     * @throws SqlGatewayException when running managed jobs depend on what it changes
     */
    Optional<StartedStatement> begin(SessionHandle handle, String text, Configuration executionConfig) {
        if (closed || text == null) {
            return Optional.empty();
        }
        SessionJournal journal = journals.get(handle);
        if (journal == null) {
            return Optional.empty();
        }
        StartedStatement statement;
        try {
            statement = analysed(journal, text);
        } catch (RuntimeException e) {
            LOG.warn("Statement of session {} is not recorded: {}", handle, e.toString());
            return Optional.empty();
        }
        checkImpact(statement, executionConfig);
        return Optional.of(statement);
    }

    private StartedStatement analysed(SessionJournal journal, String text) {
        Instant startedAt = clock.instant();
        Optional<CatalogManager> catalogManager = journal.context()
                .map(context -> context.getSessionState().catalogManager);
        SessionScope scope = catalogManager
                .map(catalogs -> new SessionScope(catalogs.getCurrentCatalog(), catalogs.getCurrentDatabase()))
                .orElse(FLINK_DEFAULT_SCOPE);
        SessionCatalog catalog = catalogManager.<SessionCatalog>map(GatewaySessionCatalog::new)
                .orElse(SessionCatalog.empty());
        Optional<StatementAnalysis> analysis = Optional.empty();
        Optional<String> analysisError = Optional.empty();
        try {
            analysis = Optional.of(analyze(text, scope, catalog));
        } catch (SqlSyntaxError e) {
            analysisError = Optional.of(e.code() + ": " + e.getMessage());
        } catch (AnalysisFailedException e) {
            analysisError = Optional.of(e.code() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            analysisError = Optional.of("INTERNAL_ERROR: " + e);
        }
        Optional<String> user = journal.context()
                .flatMap(context -> context.getSessionConf().getOptional(RecorderOptions.USER))
                .filter(name -> !name.isBlank());
        return new StartedStatement(journal, startedAt, text, redactor.redact(text), analysis,
                analysisError.map(redactor::redact), scope, user, catalog);
    }

    private static StatementAnalysis analyze(String text, SessionScope scope, SessionCatalog catalog)
            throws SqlSyntaxError, AnalysisFailedException {
        return new StatementAnalyzer(catalog).analyze(text, scope);
    }

    private void checkImpact(StartedStatement statement, Configuration executionConfig) {
        Optional<StatementAnalysis> analysis = statement.analysis();
        if (analysis.isEmpty() || !ImpactCheck.checks(analysis.get().kind())) {
            return;
        }
        try {
            impact.check(analysis.get(), statement.catalog()::isTemporaryTable);
        } catch (ImpactRefusedException refused) {
            if (forced(statement, executionConfig)) {
                LOG.info("Forced in session {} ({}): {}", statement.journal().handle(),
                        RecorderOptions.IMPACT_FORCE.key(), refused.getMessage());
                return;
            }
            writer.insert(record(UUID.randomUUID().toString(), statement, StatementStatus.REFUSED,
                    Optional.of(clock.instant()), Optional.of(refused.getMessage())));
            throw new SqlGatewayException(refused.getMessage());
        } catch (RuntimeException e) {
            // The check could not run (the metadata database is down): the statement runs, as Flink decides.
            LOG.warn("The impact of a {} in session {} could not be checked: {}", analysis.get().kind(),
                    statement.journal().handle(), e.toString());
        }
    }

    private static boolean forced(StartedStatement statement, Configuration executionConfig) {
        if (executionConfig != null && executionConfig.get(RecorderOptions.IMPACT_FORCE)) {
            return true;
        }
        return statement.journal().context()
                .map(context -> context.getSessionConf().get(RecorderOptions.IMPACT_FORCE))
                .orElse(false);
    }

    /** Flink accepted the statement as {@code operation}. */
    void started(StartedStatement statement, OperationHandle operation) {
        guarded("record a statement", () -> {
            String id = operation.getIdentifier().toString();
            writer.insert(record(id, statement, StatementStatus.RUNNING));
            statement.journal().remember(id, statement.text(), statement.scope());
            Optional<OperationManager.Operation> flinkOperation = flinkOperation(statement.journal().handle(),
                    operation);
            boolean query = statement.analysis().map(a -> a.kind() == StatementKind.QUERY).orElse(false);
            InFlightStatement running = new InFlightStatement(id, statement, operation, flinkOperation, query);
            inFlight.put(operation, running);
            flinkOperation.ifPresent(flink -> observe(running, flink.getOperationInfo()));
        });
    }

    /** Flink refused the statement before it ran (or the server could not hand it over). */
    void failedToStart(StartedStatement statement, Throwable failure) {
        guarded("record a failed statement", () -> {
            String id = UUID.randomUUID().toString();
            writer.insert(record(id, statement, StatementStatus.RUNNING));
            writer.end(id, new StatementEnd(StatementStatus.ERROR, clock.instant(), OptionalLong.empty(),
                    Optional.empty(), Optional.of(FailureText.of(failure, redactor))));
        });
    }

    /** A statement run with configureSession ran to its end. */
    void configured(StartedStatement statement) {
        guarded("record a session configuration", () -> {
            String id = UUID.randomUUID().toString();
            writer.insert(record(id, statement, StatementStatus.RUNNING));
            writer.end(id, new StatementEnd(StatementStatus.FINISHED, clock.instant(), OptionalLong.empty(),
                    Optional.empty(), Optional.empty()));
            applyEffects(statement, id);
        });
    }

    private StatementRecord record(String id, StartedStatement statement, StatementStatus status) {
        return record(id, statement, status, Optional.empty(), Optional.empty());
    }

    private StatementRecord record(String id, StartedStatement statement, StatementStatus status,
            Optional<Instant> endedAt, Optional<String> error) {
        Set<TablePath> reads = statement.analysis().map(a -> paths(a.reads())).orElse(Set.of());
        Set<TablePath> writes = statement.analysis().map(a -> paths(a.writes())).orElse(Set.of());
        SessionJournal journal = statement.journal();
        return new StatementRecord(id, journal.handle().getIdentifier().toString(), journal.name(),
                journal.client(), statement.user(), statement.storedText(),
                statement.analysis().map(StatementAnalysis::kind), statement.analysisError(),
                statement.scope().catalog(), statement.scope().database(), reads, writes, status,
                statement.startedAt(), endedAt, OptionalLong.empty(), Optional.empty(), error);
    }

    private static Set<TablePath> paths(Set<TableReference> tables) {
        return tables.stream().map(TableReference::path).collect(Collectors.toSet());
    }

    // ---------------------------------------------------------------------------------------------- operations

    /** A client fetched results of an operation. */
    void fetched(OperationHandle operation, long token, ResultSet result) {
        if (result.getResultType() == ResultSet.ResultType.NOT_READY) {
            return;
        }
        guarded("follow a fetch", () -> {
            Optional<String> jobId = jobId(result);
            InFlightStatement statement = inFlight.get(operation);
            if (statement == null) {
                String id = awaitingJobId.remove(operation);
                if (id != null && jobId.isPresent()) {
                    writer.flinkJob(id, jobId.get());
                }
                return;
            }
            synchronized (statement) {
                if (statement.ended) {
                    return;
                }
                if (jobId.isPresent()) {
                    statement.flinkJobId = jobId;
                }
                if (!statement.endsWithItsRows) {
                    end(statement, StatementStatus.FINISHED, Optional.empty());
                    return;
                }
                if (token < 0 || token > statement.lastCountedToken) {
                    statement.rows += result.getData().size();
                    statement.lastCountedToken = Math.max(token, statement.lastCountedToken);
                }
                if (result.getResultType() == ResultSet.ResultType.EOS) {
                    end(statement, StatementStatus.FINISHED, Optional.empty());
                }
            }
        });
    }

    void fetchFailed(OperationHandle operation, Throwable failure) {
        InFlightStatement statement = inFlight.get(operation);
        if (statement != null) {
            guarded("follow a failed fetch",
                    () -> end(statement, StatementStatus.ERROR, Optional.of(FailureText.of(failure, redactor))));
        }
    }

    void observed(OperationHandle operation, OperationInfo info) {
        InFlightStatement statement = inFlight.get(operation);
        if (statement != null) {
            guarded("follow a status", () -> observe(statement, info));
        }
    }

    void canceled(OperationHandle operation) {
        InFlightStatement statement = inFlight.get(operation);
        if (statement != null) {
            guarded("follow a cancel", () -> end(statement, StatementStatus.CANCELED, Optional.empty()));
        }
    }

    /** Before a client closes an operation: how it stands. */
    void closing(OperationHandle operation) {
        InFlightStatement statement = inFlight.get(operation);
        if (statement != null) {
            guarded("follow a close", () -> statement.flinkOperation
                    .ifPresent(flink -> observe(statement, flink.getOperationInfo())));
        }
    }

    /** After a client closed an operation: one that had not ended was given up. */
    void closed(OperationHandle operation) {
        InFlightStatement statement = inFlight.get(operation);
        if (statement != null) {
            guarded("follow a close", () -> end(statement, StatementStatus.CANCELED, Optional.empty()));
        }
    }

    private void observe(InFlightStatement statement, OperationInfo info) {
        switch (info.getStatus()) {
            case FINISHED -> {
                if (!statement.endsWithItsRows) {
                    end(statement, StatementStatus.FINISHED, Optional.empty());
                }
            }
            case ERROR -> end(statement, StatementStatus.ERROR, Optional.of(info.getException()
                    .map(failure -> FailureText.of(failure, redactor)).orElse("failed")));
            case CANCELED, CLOSED -> end(statement, StatementStatus.CANCELED, Optional.empty());
            case TIMEOUT -> end(statement, StatementStatus.ERROR, Optional.of("timed out"));
            default -> {
                // Still pending or running.
            }
        }
    }

    /**
     * Ends a statement once: the history, then (when it finished) its effects. Whoever comes second waits for the
     * first to be done, so a client that learns of the end finds the index and lineage already updated.
     */
    private void end(InFlightStatement statement, StatementStatus status, Optional<String> error) {
        synchronized (statement) {
            if (statement.ended) {
                return;
            }
            statement.ended = true;
            inFlight.remove(statement.operation);
            OptionalLong rows = statement.endsWithItsRows && status != StatementStatus.ERROR
                    ? OptionalLong.of(statement.rows) : OptionalLong.empty();
            writer.end(statement.id, new StatementEnd(status, clock.instant(), rows, statement.flinkJobId, error));
            if (statement.flinkJobId.isEmpty() && status == StatementStatus.FINISHED) {
                awaitingJobId.put(statement.operation, statement.id);
            }
            if (status == StatementStatus.FINISHED) {
                applyEffects(statement.statement, statement.id);
            }
        }
    }

    /** What a finished statement changes besides its own record: session journal, lineage, metadata index. */
    private void applyEffects(StartedStatement statement, String id) {
        Optional<StatementAnalysis> found = statement.analysis();
        if (found.isEmpty()) {
            return;
        }
        StatementAnalysis analysis = found.get();
        guarded("note the session's setup", () -> statement.journal().finished(analysis, statement.text(),
                statement.scope(), object -> stillTemporary(statement, object)));
        if (TableFlow.MOVING_DATA.contains(analysis.kind())) {
            guarded("record lineage", () -> writer.lineage(id, StatementFlows.of(analysis, statement.text(),
                    new StatementAnalyzer(statement.catalog()), statement.scope()), clock.instant()));
        }
        guarded("update the metadata index", () -> index.statementFinished(analysis));
    }

    private static boolean stillTemporary(StartedStatement statement, ObjectReference object) {
        if (!SessionJournal.isRelation(object) || object.names().size() != 3) {
            return false;
        }
        return statement.journal().context()
                .map(context -> context.getSessionState().catalogManager.isTemporaryTable(ObjectIdentifier.of(
                        object.names().get(0), object.names().get(1), object.names().get(2))))
                .orElse(false);
    }

    // ----------------------------------------------------------------------------------------------- watching

    private void watch() {
        try {
            for (InFlightStatement statement : List.copyOf(inFlight.values())) {
                if (statement.flinkOperation.isPresent()) {
                    guarded("watch a statement", () -> observe(statement, statement.flinkOperation.get()
                            .getOperationInfo()));
                } else if (sessions != null && !sessions.isOpen(statement.statement.journal().handle())) {
                    guarded("watch a statement", () -> end(statement, StatementStatus.CANCELED, Optional.empty()));
                }
            }
            if (++watchRounds % REAP_EVERY == 0 && sessions != null) {
                for (SessionHandle handle : List.copyOf(journals.keySet())) {
                    if (!sessions.isOpen(handle)) {
                        // Expired by Flink's idle-session cleanup, which does not come through the service.
                        sessionClosed(handle);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Watching statements failed: {}", e.toString());
        }
    }

    private Optional<Session> session(SessionHandle handle) {
        GatewaySessions current = sessions;
        return current == null ? Optional.empty() : current.session(handle);
    }

    private Optional<OperationManager.Operation> flinkOperation(SessionHandle handle, OperationHandle operation) {
        try {
            return session(handle).map(session -> session.getOperationManager().getOperation(operation));
        } catch (RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static Optional<String> jobId(ResultSet result) {
        try {
            return Optional.ofNullable(result.getJobID()).map(Object::toString);
        } catch (RuntimeException none) {
            return Optional.empty();
        }
    }

    private static void guarded(String what, Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            LOG.warn("The statement recorder could not {}", what, e);
        }
    }

    @Override
    public void close() {
        closed = true;
        watcher.shutdownNow();
    }
}
