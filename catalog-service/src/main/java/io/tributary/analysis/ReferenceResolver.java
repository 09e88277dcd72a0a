package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.util.Util;

/**
 * Turns table names of one statement into relations and records what they touch: a table's read, a view expanded
 * (recursively, with a cycle guard) to the tables its query reads, nothing for a temporary table.
 */
final class ReferenceResolver {

    private final ScriptState state;
    private final FlinkParser parser;
    private final TableAccess access;
    private final Deque<TablePath> expanding = new ArrayDeque<>();
    private final Map<TablePath, Optional<Set<String>>> expanded = new HashMap<>();

    ReferenceResolver(ScriptState state, FlinkParser parser, TableAccess access) {
        this.state = requireNonNull(state, "state is null");
        this.parser = requireNonNull(parser, "parser is null");
        this.access = requireNonNull(access, "access is null");
    }

    TableAccess access() {
        return access;
    }

    /** A name in a FROM clause (or a TABLE argument): read a table, expand a view. */
    Relation read(SqlIdentifier identifier, SessionScope scope) {
        TablePath path = Names.table(identifier, scope);
        String alias = Util.last(identifier.names);
        TableObject object = state.lookup(path);
        if (object instanceof TableObject.View view) {
            return Relation.derived(Optional.of(alias), Optional.of(path), expand(path, view.body()));
        }
        if (object instanceof TableObject.TemporaryTable) {
            return Relation.derived(Optional.of(alias), Optional.of(path), Optional.empty());
        }
        access.read(path);
        return Relation.table(alias, path);
    }

    /** A name whose whole definition is read, not its rows expanded (CREATE TABLE ... LIKE t): never a view. */
    void readWhole(SqlIdentifier identifier, SessionScope scope) {
        TablePath path = Names.table(identifier, scope);
        if (!(state.lookup(path) instanceof TableObject.TemporaryTable)) {
            access.readAllColumns(path);
        }
    }

    /** The table a DELETE, UPDATE or MERGE changes: its columns are attributed, nothing is read by naming it. */
    Relation target(SqlIdentifier identifier, SessionScope scope, Optional<String> alias) {
        TablePath path = Names.table(identifier, scope);
        String name = alias.orElse(Util.last(identifier.names));
        if (state.lookup(path) instanceof TableObject.TemporaryTable) {
            return Relation.derived(Optional.of(name), Optional.of(path), Optional.empty());
        }
        return Relation.table(name, path);
    }

    /** Records a write of the table {@code identifier} names, unless it is a temporary table. */
    TablePath write(SqlIdentifier identifier, SessionScope scope, Set<String> columns) {
        TablePath path = Names.table(identifier, scope);
        if (!(state.lookup(path) instanceof TableObject.TemporaryTable)) {
            access.write(path, columns);
        }
        return path;
    }

    private Optional<Set<String>> expand(TablePath path, TableObject.ViewBody view) {
        if (expanding.contains(path)) {
            List<TablePath> chain = new ArrayList<>(expanding);
            Collections.reverse(chain);
            chain.add(path);
            throw new AnalysisProblem(AnalysisErrorCode.VIEW_CYCLE, AnalysisMessages.viewCycle(chain));
        }
        access.viewUsed(path);
        Optional<Set<String>> known = expanded.get(path);
        if (known != null) {
            return known;
        }
        expanding.push(path);
        try {
            Optional<Set<String>> columns = expandBody(path, view);
            expanded.put(path, columns);
            return columns;
        } finally {
            expanding.pop();
        }
    }

    private Optional<Set<String>> expandBody(TablePath path, TableObject.ViewBody view) {
        QueryWalker walker = new QueryWalker(this, view.scope());
        if (view instanceof TableObject.ScriptView scriptView) {
            Optional<Set<String>> columns = walker.query(scriptView.query());
            return scriptView.columnNames().<Set<String>>map(HashSet::new).or(() -> columns);
        }
        ViewDefinition definition = ((TableObject.CatalogView) view).definition();
        SqlNode query = parseView(path, definition);
        return walker.query(query);
    }

    private SqlNode parseView(TablePath path, ViewDefinition definition) {
        StatementText text = new TextPositions(definition.query()).trimmedFrom(0);
        if (text == null) {
            throw new AnalysisProblem(AnalysisErrorCode.VIEW_NOT_PARSABLE, AnalysisMessages.viewNotAQuery(path));
        }
        SqlNode query;
        try {
            query = parser.parse(text);
        } catch (SqlSyntaxError e) {
            throw new AnalysisProblem(
                    AnalysisErrorCode.VIEW_NOT_PARSABLE, AnalysisMessages.viewNotParsable(path, e), e);
        }
        if (!query.isA(SqlKind.QUERY)) {
            throw new AnalysisProblem(AnalysisErrorCode.VIEW_NOT_PARSABLE, AnalysisMessages.viewNotAQuery(path));
        }
        return query;
    }
}
