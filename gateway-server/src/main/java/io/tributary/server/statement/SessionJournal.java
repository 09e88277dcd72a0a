package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.ObjectReference;
import io.tributary.analysis.ObjectType;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.context.SessionContext;

/**
 * What the recorder keeps in memory about one open gateway session, for promoting its statements: who opened it,
 * the options it started with, the statements it ran (their text as sent, credentials included, for the last
 * {@value #REMEMBERED_STATEMENTS}), and the statements that set it up and a job must replay — the DDL of its
 * temporary tables, views and functions (those since dropped left out) and its ADD JAR and module statements, in
 * order, each with the catalog and database it ran in. Thread-safe.
 */
final class SessionJournal {

    static final int REMEMBERED_STATEMENTS = 200;

    /** Statements that set a session up and are replayed as they are, in order. */
    private static final Set<StatementKind> SETUP = EnumSet.of(StatementKind.ADD_JAR, StatementKind.REMOVE_JAR,
            StatementKind.LOAD_MODULE, StatementKind.UNLOAD_MODULE, StatementKind.USE_MODULES);
    private static final Set<StatementKind> CREATES = EnumSet.of(StatementKind.CREATE_TABLE,
            StatementKind.CREATE_VIEW, StatementKind.CREATE_FUNCTION, StatementKind.CREATE_MODEL);
    private static final Set<StatementKind> DROPS = EnumSet.of(StatementKind.DROP_TABLE, StatementKind.DROP_VIEW,
            StatementKind.DROP_FUNCTION, StatementKind.DROP_MODEL);

    private final SessionHandle handle;
    private final Optional<String> name;
    private final String client;
    private final Optional<SessionContext> context;
    private final Map<String, String> initialOptions;
    private final Set<String> clientOptionKeys;
    private final Map<String, RememberedStatement> statements = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RememberedStatement> eldest) {
            return size() > REMEMBERED_STATEMENTS;
        }
    };
    private final List<SetupStatement> setup = new ArrayList<>();

    SessionJournal(SessionHandle handle, Optional<String> name, String client, Optional<SessionContext> context,
            Map<String, String> initialOptions, Set<String> clientOptionKeys) {
        this.handle = requireNonNull(handle, "handle is null");
        this.name = requireNonNull(name, "name is null");
        this.client = requireNonNull(client, "client is null");
        this.context = requireNonNull(context, "context is null");
        this.initialOptions = Map.copyOf(initialOptions);
        this.clientOptionKeys = Set.copyOf(clientOptionKeys);
    }

    /** A statement the session ran, as sent. */
    record RememberedStatement(String operationId, String text, SessionScope scope) {}

    /** A statement that set the session up, and the catalog and database it ran in. */
    record SetupStatement(Optional<String> object, String text, SessionScope scope) {}

    SessionHandle handle() {
        return handle;
    }

    Optional<String> name() {
        return name;
    }

    String client() {
        return client;
    }

    Optional<SessionContext> context() {
        return context;
    }

    synchronized void remember(String operationId, String text, SessionScope scope) {
        statements.put(operationId, new RememberedStatement(operationId, text, scope));
    }

    synchronized Optional<RememberedStatement> statement(String operationId) {
        return Optional.ofNullable(statements.get(operationId));
    }

    /**
     * Takes note of a statement that finished: a temporary object created or dropped, a jar added, a module loaded.
     * {@code stillTemporary} says whether a table or view name still names a temporary object of the session (a DROP
     * without TEMPORARY drops a temporary table of that name first).
     */
    synchronized void finished(StatementAnalysis analysis, String text, SessionScope scope,
            Predicate<ObjectReference> stillTemporary) {
        StatementKind kind = analysis.kind();
        if (SETUP.contains(kind)) {
            setup.add(new SetupStatement(Optional.empty(), text, scope));
            return;
        }
        Optional<ObjectReference> target = analysis.target();
        if (target.isEmpty()) {
            return;
        }
        String key = key(target.get());
        if (CREATES.contains(kind) && target.get().temporary()) {
            setup.removeIf(statement -> statement.object().equals(Optional.of(key)));
            setup.add(new SetupStatement(Optional.of(key), text, scope));
        } else if (DROPS.contains(kind) && !stillTemporary.test(target.get())) {
            setup.removeIf(statement -> statement.object().equals(Optional.of(key)));
        }
    }

    /** The setup statements a job must replay, in order. */
    synchronized List<SetupStatement> setup() {
        return List.copyOf(setup);
    }

    /**
     * The options a user chose for this session: those the client opened it with and those changed since (SET),
     * as they are now; not the server's defaults, not those reset since, not Tributary's own ({@code tributary.*}).
     */
    Map<String, String> userOptions(Map<String, String> current) {
        Map<String, String> options = new LinkedHashMap<>();
        current.forEach((key, value) -> {
            boolean chosen = clientOptionKeys.contains(key) || !value.equals(initialOptions.get(key));
            if (chosen && !key.startsWith(RecorderOptions.PREFIX)) {
                options.put(key, value);
            }
        });
        return options;
    }

    /** Tables and views share one namespace, functions and models have their own. */
    private static String key(ObjectReference object) {
        String namespace = switch (object.type()) {
            case TABLE, VIEW, MATERIALIZED_TABLE -> "relation";
            case FUNCTION -> "function";
            case MODEL -> "model";
            default -> object.type().name().toLowerCase(java.util.Locale.ROOT);
        };
        return namespace + ":" + String.join("\u0000", object.names());
    }

    static boolean isRelation(ObjectReference object) {
        return object.type() == ObjectType.TABLE || object.type() == ObjectType.VIEW;
    }
}
