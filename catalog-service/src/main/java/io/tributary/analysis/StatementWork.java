package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * The analysis of one statement while it is under way: what it reads and writes so far, its target, and what it
 * will change for the statements after it in the script (applied only when its analysis succeeds).
 */
final class StatementWork {

    private final ScriptState state;
    private final FlinkParser parser;
    private final SessionScope scope;
    private final TableAccess access = new TableAccess();
    private final ReferenceResolver resolver;
    private final List<Consumer<ScriptState>> effects = new ArrayList<>();
    private ObjectReference target;

    StatementWork(ScriptState state, FlinkParser parser) {
        this.state = requireNonNull(state, "state is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.scope = state.scope();
        this.resolver = new ReferenceResolver(state, parser, access);
    }

    /** The work for a statement inside this one whose writes and effects do not count (EXPLAIN, COMPILE PLAN). */
    StatementWork nested() {
        return new StatementWork(state, parser);
    }

    SessionScope scope() {
        return scope;
    }

    TableAccess access() {
        return access;
    }

    ReferenceResolver resolver() {
        return resolver;
    }

    /** A walker for queries of this statement, resolving names against the statement's scope. */
    QueryWalker queries() {
        return new QueryWalker(resolver, scope);
    }

    TablePath table(SqlIdentifier identifier) {
        return Names.table(identifier, scope);
    }

    TablePath table(String[] names) {
        return Names.table(List.of(names), scope);
    }

    /** Whether the script or session knows {@code path} as a temporary table or view. */
    boolean isTemporary(TablePath path) {
        TableObject object = state.lookup(path);
        return object instanceof TableObject.TemporaryTable
                || (object instanceof TableObject.View view && view.body().temporary());
    }

    void target(ObjectReference object) {
        this.target = requireNonNull(object, "object is null");
    }

    Optional<ObjectReference> target() {
        return Optional.ofNullable(target);
    }

    /** Something the statement changes for the statements after it in the script. */
    void afterwards(Consumer<ScriptState> effect) {
        effects.add(effect);
    }

    void applyEffects() {
        effects.forEach(effect -> effect.accept(state));
    }
}
