package io.tributary.analysis;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;

/**
 * Tells what a Flink SQL statement does and which tables it reads and writes, with Flink 1.20's own SQL parser
 * (the one its planner uses, in the default dialect), without running or validating it.
 *
 * <p>Names are resolved against the session's current catalog and database; views are expanded to their base tables
 * through the {@link SessionCatalog}; CTE names, temporary tables and table functions are not tables.
 * {@link StatementKind} documents what goes into reads, writes and target for each kind of statement.
 *
 * <p><b>Columns.</b> The columns of a table are those the SQL text attributes to it: qualified references
 * ({@code o.amount}), unqualified ones when only one relation with unknown columns is in scope (the innermost
 * query's, as SQL resolves them; qualify correlated references to an outer table), columns in DESCRIPTOR, USING
 * and PARTITION BY, INSERT column lists and static partitions. {@code *}, {@code NATURAL JOIN}, renaming a table's
 * columns ({@code AS t (a, b)}) and unqualified columns in a join of several tables leave a table's columns
 * unknown (an empty set). The parser does not know table schemas: it cannot attribute an unqualified column of a
 * join to the right table, map a view's columns to its tables' (a view's base tables get the columns the view's
 * query uses), or tell what an EXECUTE PLAN, a procedure or a materialized table's refresh touches. Exact column
 * lineage needs the planner and is outside this analyzer.
 *
 * <p>Thread-safe: it holds no state between calls.
 */
public final class StatementAnalyzer {

    private final SessionCatalog catalog;
    private final FlinkParser parser = new FlinkParser();
    private final StatementDispatcher dispatcher = new StatementDispatcher();

    public StatementAnalyzer(SessionCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /**
     * Analyses one statement, as the SQL gateway receives it (a trailing {@code ;} is allowed).
     *
     * @throws SqlSyntaxError when Flink's parser rejects it, it is empty, or it holds more than one statement
     * @throws AnalysisFailedException when it parsed but could not be analysed: run it anyway
     */
    public StatementAnalysis analyze(String statement, SessionScope scope)
            throws SqlSyntaxError, AnalysisFailedException {
        requireNonNull(statement, "statement is null");
        requireNonNull(scope, "scope is null");
        ScriptState state = new ScriptState(catalog, scope);
        StatementText whole = new TextPositions(statement).trimmedStatementFrom(0);
        if (whole != null) {
            // Flink matches these commands on the statement as it is, before it parses.
            Optional<StatementKind> command = ClientCommands.match(whole.text());
            if (command.isPresent()) {
                return withoutTables(command.get(), whole);
            }
        }
        List<StatementText> statements = StatementSplitter.split(statement);
        if (statements.isEmpty()) {
            throw new SqlSyntaxError(
                    AnalysisErrorCode.EMPTY_STATEMENT, SourceSpan.at(1, 1), AnalysisMessages.emptyStatement(), List.of());
        }
        if (statements.size() > 1) {
            SourceSpan second = statements.get(1).span();
            throw new SqlSyntaxError(AnalysisErrorCode.MULTIPLE_STATEMENTS, second,
                    AnalysisMessages.multipleStatements(second), List.of());
        }
        return analyzeOne(statements.get(0), state);
    }

    /**
     * Analyses a script of statements separated by {@code ;}, one analysis per statement in order. Later statements
     * see what earlier ones did: USE changes the scope, created views are expanded, temporary tables are not
     * reported.
     *
     * @throws SqlSyntaxError for the first statement that Flink's parser rejects
     * @throws AnalysisFailedException for the first statement that parsed but could not be analysed
     */
    public List<StatementAnalysis> analyzeScript(String script, SessionScope scope)
            throws SqlSyntaxError, AnalysisFailedException {
        requireNonNull(script, "script is null");
        requireNonNull(scope, "scope is null");
        ScriptState state = new ScriptState(catalog, scope);
        List<StatementAnalysis> analyses = new ArrayList<>();
        for (StatementText statement : StatementSplitter.split(script)) {
            analyses.add(analyzeOne(statement, state));
        }
        return List.copyOf(analyses);
    }

    private StatementAnalysis analyzeOne(StatementText statement, ScriptState state)
            throws SqlSyntaxError, AnalysisFailedException {
        Optional<StatementKind> command = ClientCommands.match(statement.text());
        if (command.isPresent()) {
            return withoutTables(command.get(), statement);
        }
        SqlNode node = parser.parse(statement);
        try {
            StatementWork work = new StatementWork(state, parser);
            StatementKind kind = dispatcher.analyze(node, work);
            StatementAnalysis analysis = new StatementAnalysis(kind, work.access().reads(), work.access().writes(),
                    work.access().views(), work.target(), statement);
            work.applyEffects();
            return analysis;
        } catch (AnalysisProblem problem) {
            throw new AnalysisFailedException(problem.code(), problem.getMessage(), statement, problem);
        } catch (RuntimeException defect) {
            // A statement Flink parsed must never be blocked by a defect here: report it as a failed analysis.
            throw new AnalysisFailedException(
                    AnalysisErrorCode.INTERNAL_ERROR, AnalysisMessages.internalError(defect), statement, defect);
        } catch (StackOverflowError tooDeep) {
            // The walk recurses less deeply than the parser, but a small thread stack may still run out.
            throw new AnalysisFailedException(
                    AnalysisErrorCode.INTERNAL_ERROR, AnalysisMessages.tooDeeplyNested(), statement, tooDeep);
        }
    }

    private static StatementAnalysis withoutTables(StatementKind kind, StatementText statement) {
        return new StatementAnalysis(kind, Set.of(), Set.of(), Set.of(), Optional.empty(), statement);
    }
}
