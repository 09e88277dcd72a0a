package io.tributary.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;

/**
 * The relations one SELECT (or MATCH_RECOGNIZE, DML condition, ...) can refer to, inside those of the queries around
 * it, and how a column reference is attributed to one of their base tables.
 *
 * <p>A qualified column ({@code o.amount}) belongs to the relation its qualifier names. An unqualified one belongs to
 * the relation whose known columns include it; otherwise, when exactly one relation with unknown columns is in
 * scope, to that one (as SQL resolves it when that table has the column; a correlated reference to an outer query's
 * table must be qualified to be attributed to it); otherwise it is ambiguous and every candidate's columns become
 * unknown. A relation's columns become unknown with {@code *}, {@code t.*} and {@code NATURAL JOIN}.
 */
final class QueryScope {

    /** Unquoted, these are functions without parentheses, not columns (unless a table has such a column). */
    private static final Set<String> NILADIC_FUNCTIONS = Set.of(
            "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "LOCALTIME", "LOCALTIMESTAMP", "CURRENT_USER",
            "SESSION_USER", "SYSTEM_USER", "USER", "CURRENT_ROLE", "CURRENT_PATH", "CURRENT_CATALOG",
            "CURRENT_SCHEMA");

    private final QueryScope parent;
    private final TableAccess access;
    private final List<Relation> relations = new ArrayList<>();
    private final Map<String, Relation> extraAliases = new HashMap<>();

    QueryScope(QueryScope parent, TableAccess access) {
        this.parent = parent;
        this.access = access;
    }

    void add(Relation relation) {
        relations.add(relation);
    }

    /** Another name for a relation of this scope: a MATCH_RECOGNIZE pattern variable. */
    void alias(String name, Relation relation) {
        extraAliases.put(name, relation);
    }

    int size() {
        return relations.size();
    }

    List<Relation> relations(int from, int to) {
        return List.copyOf(relations.subList(from, to));
    }

    /** Attributes a column reference in an expression. */
    void column(SqlIdentifier identifier) {
        if (identifier.isStar()) {
            return; // COUNT(*)
        }
        List<String> names = identifier.names;
        if (names.size() == 1) {
            if (!identifier.isComponentQuoted(0) && NILADIC_FUNCTIONS.contains(names.get(0).toUpperCase(Locale.ROOT))) {
                return;
            }
            unqualified(names.get(0));
            return;
        }
        for (int qualifierLength = 1; qualifierLength < names.size(); qualifierLength++) {
            Optional<Relation> named = named(names.subList(0, qualifierLength));
            if (named.isPresent()) {
                attribute(named.get(), names.get(qualifierLength));
                return;
            }
        }
        unqualified(names.get(0)); // a column of ROW type and its field
    }

    /** {@code *} (every relation of this scope) or {@code t.*}. */
    void star(SqlIdentifier identifier) {
        if (identifier.names.size() == 1) {
            relations.forEach(this::markAll);
            return;
        }
        Optional<Relation> named = named(identifier.names.subList(0, identifier.names.size() - 1));
        if (named.isPresent()) {
            markAll(named.get());
        } else {
            relations.forEach(this::markAll);
        }
    }

    /** Attributes an unqualified column to one of the candidates only (USING, DESCRIPTOR, PARTITION BY). */
    void attributeWithin(String column, List<Relation> candidates) {
        resolveAmong(column, candidates);
    }

    void markAll(Relation relation) {
        relation.table().ifPresent(access::readAllColumns);
    }

    private void unqualified(String column) {
        for (QueryScope scope = this; scope != null; scope = scope.parent) {
            if (scope.resolveAmong(column, scope.relations)) {
                return;
            }
        }
    }

    /** True when the column was attributed (or found ambiguous) among the candidates. */
    private boolean resolveAmong(String column, List<Relation> candidates) {
        for (Relation candidate : candidates) {
            if (candidate.provides(column)) {
                attribute(candidate, column);
                return true;
            }
        }
        List<Relation> unknown = candidates.stream().filter(Relation::columnsUnknown).toList();
        if (unknown.size() == 1) {
            attribute(unknown.get(0), column);
            return true;
        }
        unknown.forEach(this::markAll);
        return !unknown.isEmpty();
    }

    private void attribute(Relation relation, String column) {
        if (relation.table().isPresent() && !relation.virtualColumns().contains(column)) {
            access.readColumn(relation.table().get(), column);
        }
    }

    private Optional<Relation> named(List<String> qualifier) {
        for (QueryScope scope = this; scope != null; scope = scope.parent) {
            if (qualifier.size() == 1 && scope.extraAliases.containsKey(qualifier.get(0))) {
                return Optional.of(scope.extraAliases.get(qualifier.get(0)));
            }
            for (Relation relation : scope.relations) {
                if (relation.isNamedBy(qualifier)) {
                    return Optional.of(relation);
                }
            }
        }
        return Optional.empty();
    }
}
