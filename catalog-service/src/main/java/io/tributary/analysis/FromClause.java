package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.JoinConditionType;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlMatchRecognize;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSnapshot;
import org.apache.calcite.util.Util;

/**
 * The items of a FROM clause: tables and views (hints ignored), joins, derived tables, CTE references, lookups
 * ({@code FOR SYSTEM_TIME AS OF}), window TVFs ({@code TABLE(TUMBLE(TABLE t, DESCRIPTOR(ts), ...))} reads t),
 * table functions ({@code LATERAL TABLE(f(...))} is a function, not a table), UNNEST, MATCH_RECOGNIZE and PIVOT.
 */
final class FromClause {

    /** Flink's window table-valued functions: their table argument's columns pass through. */
    private static final Set<String> WINDOW_FUNCTIONS = Set.of("TUMBLE", "HOP", "CUMULATE", "SESSION");

    private final QueryWalker walker;
    private final ReferenceResolver resolver;
    private final SessionScope session;

    FromClause(QueryWalker walker, ReferenceResolver resolver, SessionScope session) {
        this.walker = requireNonNull(walker, "walker is null");
        this.resolver = requireNonNull(resolver, "resolver is null");
        this.session = requireNonNull(session, "session is null");
    }

    /** Adds the relations of a FROM clause to {@code scope}, walking the expressions in it. */
    void add(SqlNode node, QueryScope scope, Ctes ctes) {
        if (node instanceof SqlJoin join) {
            join(join, scope, ctes);
        } else {
            scope.add(relation(node, scope, ctes));
        }
    }

    private void join(SqlJoin join, QueryScope scope, Ctes ctes) {
        int start = scope.size();
        add(join.getLeft(), scope, ctes);
        int middle = scope.size();
        add(join.getRight(), scope, ctes);
        List<Relation> left = scope.relations(start, middle);
        List<Relation> right = scope.relations(middle, scope.size());
        if (join.isNatural()) {
            scope.relations(start, scope.size()).forEach(scope::markAll);
        }
        if (join.getConditionType() == JoinConditionType.USING) {
            for (String column : QueryWalker.simpleNames((SqlNodeList) join.getCondition())) {
                scope.attributeWithin(column, left);
                scope.attributeWithin(column, right);
            }
        } else {
            walker.expression(join.getCondition(), scope, ctes);
        }
    }

    /** One FROM item as a relation (not yet added to the scope; expressions in it see {@code scope}). */
    Relation relation(SqlNode node, QueryScope scope, Ctes ctes) {
        if (node instanceof SqlIdentifier identifier) {
            return named(identifier, ctes);
        }
        if (node instanceof SqlSnapshot snapshot) {
            Relation table = relation(snapshot.getTableRef(), scope, ctes);
            walker.expression(snapshot.getPeriod(), scope, ctes);
            return table;
        }
        if (node instanceof SqlMatchRecognize matchRecognize) {
            return matchRecognize(matchRecognize, scope, ctes);
        }
        if (node.isA(SqlKind.QUERY)) {
            return Relation.derived(Optional.empty(), Optional.empty(), walker.query(node, scope, ctes));
        }
        SqlCall call = (node instanceof SqlCall c) ? c : null;
        switch (node.getKind()) {
            case AS:
                return aliased(call, scope, ctes);
            case TABLE_REF: // a table with hints: hints do not change what is read
            case LATERAL:
                return relation(call.operand(0), scope, ctes);
            case COLLECTION_TABLE:
                return tableFunction((SqlCall) call.operand(0), scope, ctes);
            case UNNEST:
                call.getOperandList().forEach(operand -> walker.expression(operand, scope, ctes));
                return Relation.opaque();
            case PIVOT:
            case UNPIVOT: {
                // The input's columns are used implicitly (all those not named are grouped by).
                scope.markAll(relation(call.operand(0), scope, ctes));
                return Relation.opaque();
            }
            default:
                throw new AnalysisProblem(AnalysisErrorCode.UNSUPPORTED_STATEMENT,
                        AnalysisMessages.unsupportedFromItem(node.getKind().toString()));
        }
    }

    private Relation named(SqlIdentifier identifier, Ctes ctes) {
        if (identifier.names.size() == 1 && ctes.has(identifier.getSimple())) {
            String name = identifier.getSimple();
            return Relation.derived(Optional.of(name), Optional.empty(), ctes.columnsOf(name));
        }
        return resolver.read(identifier, session);
    }

    private Relation aliased(SqlCall as, QueryScope scope, Ctes ctes) {
        Relation relation = relation(as.operand(0), scope, ctes).withAlias(((SqlIdentifier) as.operand(1)).getSimple());
        List<SqlNode> operands = as.getOperandList();
        if (operands.size() > 2) {
            List<String> columns = new ArrayList<>();
            operands.subList(2, operands.size()).forEach(column -> columns.add(((SqlIdentifier) column).getSimple()));
            scope.markAll(relation); // the table's columns are renamed by position
            return relation.renamed(columns);
        }
        return relation;
    }

    /** {@code TABLE(f(...))}: a window TVF over a table, or a table function. */
    private Relation tableFunction(SqlCall function, QueryScope scope, Ctes ctes) {
        String name = function.getOperator().getName().toUpperCase(Locale.ROOT);
        List<SqlNode> arguments = new ArrayList<>();
        for (SqlNode operand : function.getOperandList()) {
            arguments.add(operand != null && operand.getKind() == SqlKind.ARGUMENT_ASSIGNMENT
                    ? ((SqlCall) operand).operand(0)
                    : operand);
        }
        List<SqlNode> tables = arguments.stream().filter(FromClause::isTableArgument).toList();
        if (WINDOW_FUNCTIONS.contains(name) && tables.size() == 1) {
            Relation input = tableArgument((SqlCall) tables.get(0), scope, ctes).orElseThrow();
            for (SqlNode argument : arguments) {
                if (isDescriptor(argument)) {
                    for (SqlNode column : ((SqlCall) argument).getOperandList()) {
                        scope.attributeWithin(((SqlIdentifier) column).getSimple(), List.of(input));
                    }
                } else if (!isTableArgument(argument)) {
                    walker.expression(argument, scope, ctes);
                }
            }
            return input.windowed();
        }
        for (SqlNode argument : arguments) {
            if (isTableArgument(argument)) {
                tableArgument((SqlCall) argument, scope, ctes).ifPresent(scope::markAll);
            } else {
                walker.expression(argument, scope, ctes);
            }
        }
        return Relation.opaque();
    }

    private static boolean isDescriptor(SqlNode node) {
        return node instanceof SqlCall call && (call.getKind() == SqlKind.DESCRIPTOR
                || call.getOperator().getName().equalsIgnoreCase("DESCRIPTOR"));
    }

    private static boolean isTableArgument(SqlNode node) {
        return node != null && (node.getKind() == SqlKind.EXPLICIT_TABLE
                || node.getKind() == SqlKind.SET_SEMANTICS_TABLE || node.isA(SqlKind.QUERY));
    }

    /** {@code TABLE t}, {@code TABLE t PARTITION BY k ORDER BY ts} or a query as a table function's argument. */
    Optional<Relation> tableArgument(SqlCall argument, QueryScope scope, Ctes ctes) {
        if (argument.getKind() == SqlKind.EXPLICIT_TABLE) {
            return Optional.of(relation(argument.operand(0), scope, ctes));
        }
        if (argument.getKind() != SqlKind.SET_SEMANTICS_TABLE) {
            return Optional.of(Relation.derived(Optional.empty(), Optional.empty(), walker.query(argument, scope, ctes)));
        }
        // SET_SEMANTICS_TABLE: the table (or query), its PARTITION BY and ORDER BY columns.
        SqlNode table = argument.operand(0);
        Optional<Relation> input = table instanceof SqlCall call && isTableArgument(call)
                ? tableArgument(call, scope, ctes)
                : Optional.of(relation(table, scope, ctes));
        for (int i = 1; i < argument.operandCount(); i++) {
            if (argument.operand(i) instanceof SqlNodeList keys) {
                for (SqlNode key : keys) {
                    SqlNode column = key.getKind() == SqlKind.DESCENDING ? ((SqlCall) key).operand(0) : key;
                    if (column instanceof SqlIdentifier identifier) {
                        scope.attributeWithin(Util.last(identifier.names), List.of(input.orElseThrow()));
                    }
                }
            }
        }
        return input;
    }

    private Relation matchRecognize(SqlMatchRecognize match, QueryScope scope, Ctes ctes) {
        Relation input = relation(match.getTableRef(), scope, ctes);
        QueryScope inner = walker.newScope(scope);
        inner.add(input);
        Set<String> variables = patternVariables(match.getPattern(), new LinkedHashSet<>());
        if (match.getSubsetList() != null) {
            match.getSubsetList().forEach(subset -> patternVariables(((SqlCall) subset).operand(0), variables));
        }
        variables.forEach(variable -> inner.alias(variable, input));
        Set<String> outputs = new LinkedHashSet<>();
        walker.expression(match.getPartitionList(), inner, ctes);
        if (match.getPartitionList() != null) {
            match.getPartitionList().forEach(key -> outputs.add(Util.last(((SqlIdentifier) key).names)));
        }
        walker.expression(match.getOrderList(), inner, ctes);
        for (SqlNode measure : match.getMeasureList()) {
            walker.expression(measure, inner, ctes);
            outputs.add(((SqlIdentifier) ((SqlCall) measure).operand(1)).getSimple());
        }
        walker.expression(match.getPatternDefList(), inner, ctes);
        walker.expression(match.getInterval(), inner, ctes);
        SqlLiteral rowsPerMatch = match.getRowsPerMatch();
        boolean allRows = rowsPerMatch != null
                && rowsPerMatch.getValue() == SqlMatchRecognize.RowsPerMatchOption.ALL_ROWS;
        if (allRows) {
            // Every input column is also an output column, next to the measures.
            return new Relation(Optional.empty(), Optional.empty(), input.table(), Optional.empty(), outputs);
        }
        return Relation.derived(Optional.empty(), Optional.empty(), Optional.of(outputs));
    }

    private static Set<String> patternVariables(SqlNode pattern, Set<String> variables) {
        if (pattern instanceof SqlIdentifier identifier) {
            variables.add(identifier.getSimple());
        } else if (pattern instanceof SqlCall call) {
            call.getOperandList().forEach(operand -> {
                if (operand != null) {
                    patternVariables(operand, variables);
                }
            });
        }
        return variables;
    }
}
