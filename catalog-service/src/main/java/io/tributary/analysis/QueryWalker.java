package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWindow;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.util.Util;

/**
 * Walks a query (SELECT, set operations, VALUES, WITH, ORDER BY, {@code TABLE t}) and the expressions in it,
 * recording through its {@link ReferenceResolver} the tables read and the columns used. FROM clauses are
 * {@link FromClause}'s.
 */
final class QueryWalker {

    private final ReferenceResolver resolver;
    private final SessionScope session;
    private final FromClause from;

    QueryWalker(ReferenceResolver resolver, SessionScope session) {
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.session = requireNonNull(session, "session is null");
        this.from = new FromClause(this, resolver, session);
    }

    /** A top-level query; returns the names of its columns when the text tells them. */
    Optional<Set<String>> query(SqlNode query) {
        return query(query, null, Ctes.NONE);
    }

    /** A query inside {@code outer} (a subquery), seeing the CTEs {@code ctes}. */
    Optional<Set<String>> query(SqlNode node, QueryScope outer, Ctes ctes) {
        switch (node.getKind()) {
            case SELECT:
                return select((SqlSelect) node, null, outer, ctes);
            case ORDER_BY:
                return orderBy((SqlOrderBy) node, outer, ctes);
            case WITH:
                return with((SqlWith) node, outer, ctes);
            case UNION:
            case INTERSECT:
            case EXCEPT: {
                List<SqlNode> branches = ((SqlCall) node).getOperandList();
                Optional<Set<String>> columns = query(branches.get(0), outer, ctes);
                branches.subList(1, branches.size()).forEach(branch -> query(branch, outer, ctes));
                return columns;
            }
            case VALUES: {
                QueryScope scope = newScope(outer);
                ((SqlCall) node).getOperandList().forEach(row -> expression(row, scope, ctes));
                return Optional.of(Set.of());
            }
            case EXPLICIT_TABLE: {
                QueryScope scope = newScope(outer);
                scope.markAll(from.relation(((SqlCall) node).operand(0), scope, ctes));
                return Optional.empty();
            }
            default:
                throw new AnalysisProblem(AnalysisErrorCode.UNSUPPORTED_STATEMENT,
                        AnalysisMessages.unsupportedStatement(node.getClass()));
        }
    }

    QueryScope newScope(QueryScope outer) {
        return new QueryScope(outer, resolver.access());
    }

    private Optional<Set<String>> orderBy(SqlOrderBy orderBy, QueryScope outer, Ctes ctes) {
        if (orderBy.query instanceof SqlSelect select) {
            return select(select, orderBy.orderList, outer, ctes);
        }
        // ORDER BY after a set operation names the output columns, which its branches already used.
        return query(orderBy.query, outer, ctes);
    }

    private Optional<Set<String>> with(SqlWith with, QueryScope outer, Ctes ctes) {
        Ctes visible = ctes;
        for (SqlNode item : with.withList) {
            SqlWithItem withItem = (SqlWithItem) item;
            Optional<Set<String>> columns = query(withItem.query, outer, visible);
            if (withItem.columnList != null) {
                columns = Optional.of(simpleNames(withItem.columnList));
            }
            visible = visible.with(withItem.name.getSimple(), columns);
        }
        return query(with.body, outer, visible);
    }

    private Optional<Set<String>> select(SqlSelect select, SqlNodeList outerOrder, QueryScope outer, Ctes ctes) {
        QueryScope scope = newScope(outer);
        if (select.getFrom() != null) {
            from.add(select.getFrom(), scope, ctes);
        }
        Set<String> aliases = new HashSet<>();
        Set<String> columns = new LinkedHashSet<>();
        boolean columnsKnown = true;
        for (SqlNode item : select.getSelectList()) {
            if (item.getKind() == SqlKind.AS) {
                SqlCall as = (SqlCall) item;
                expression(as.operand(0), scope, ctes);
                String alias = ((SqlIdentifier) as.operand(1)).getSimple();
                aliases.add(alias);
                columns.add(alias);
            } else if (item instanceof SqlIdentifier identifier && identifier.isStar()) {
                scope.star(identifier);
                columnsKnown = false;
            } else {
                expression(item, scope, ctes);
                if (item instanceof SqlIdentifier identifier) {
                    columns.add(Util.last(identifier.names));
                }
            }
        }
        expression(select.getWhere(), scope, ctes);
        expression(select.getGroup(), scope, ctes);
        expression(select.getHaving(), scope, ctes);
        expression(select.getWindowList(), scope, ctes);
        orderItems(select.getOrderList(), aliases, scope, ctes);
        orderItems(outerOrder, aliases, scope, ctes);
        return columnsKnown ? Optional.of(columns) : Optional.empty();
    }

    /** ORDER BY may name a select item's alias, which is not a column. */
    private void orderItems(SqlNodeList items, Set<String> aliases, QueryScope scope, Ctes ctes) {
        if (items == null) {
            return;
        }
        for (SqlNode item : items) {
            SqlNode key = unwrapOrdering(item);
            if (key instanceof SqlIdentifier identifier && identifier.isSimple()
                    && aliases.contains(identifier.getSimple())) {
                continue;
            }
            expression(key, scope, ctes);
        }
    }

    private static SqlNode unwrapOrdering(SqlNode item) {
        SqlNode key = item;
        while (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST
                || key.getKind() == SqlKind.NULLS_LAST) {
            key = ((SqlCall) key).operand(0);
        }
        return key;
    }

    /** An expression: its column references and subqueries. */
    void expression(SqlNode node, QueryScope scope, Ctes ctes) {
        if (node == null) {
            return;
        }
        if (node instanceof SqlIdentifier identifier) {
            scope.column(identifier);
        } else if (node instanceof SqlNodeList list) {
            list.forEach(item -> expression(item, scope, ctes));
        } else if (node.isA(SqlKind.QUERY)) {
            query(node, scope, ctes);
        } else if (node instanceof SqlWindow window) {
            expression(window.getPartitionList(), scope, ctes);
            expression(window.getOrderList(), scope, ctes);
            expression(window.getLowerBound(), scope, ctes);
            expression(window.getUpperBound(), scope, ctes);
        } else if (node instanceof SqlCall call) {
            call(call, scope, ctes);
        }
    }

    private void call(SqlCall call, QueryScope scope, Ctes ctes) {
        switch (call.getKind()) {
            case AS:
            case ARGUMENT_ASSIGNMENT:
            case DOT:
                // The alias, the parameter name, the field name: not columns.
                expression(call.operand(0), scope, ctes);
                return;
            case OVER:
                expression(call.operand(0), scope, ctes);
                if (call.operand(1) instanceof SqlWindow window) {
                    expression(window, scope, ctes);
                }
                return;
            case EXPLICIT_TABLE:
            case SET_SEMANTICS_TABLE:
                // A table argument of a table function in an expression position.
                from.tableArgument(call, scope, ctes).ifPresent(scope::markAll);
                return;
            default:
                for (SqlNode operand : call.getOperandList()) {
                    expression(operand, scope, ctes);
                }
        }
    }

    /** One FROM item of a DML statement (MERGE's source) as a relation. */
    Relation fromItem(SqlNode node, QueryScope scope) {
        return from.relation(node, scope, Ctes.NONE);
    }

    static Set<String> simpleNames(SqlNodeList identifiers) {
        Set<String> names = new LinkedHashSet<>();
        for (SqlNode node : identifiers) {
            names.add(Util.last(((SqlIdentifier) node).names));
        }
        return names;
    }
}
