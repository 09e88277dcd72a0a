package io.tributary.server.statement;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.analysis.AnalysisFailedException;
import io.tributary.analysis.ObjectReference;
import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.SqlSyntaxError;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementAnalyzer;
import io.tributary.analysis.TablePath;
import io.tributary.analysis.TableReference;
import io.tributary.catalog.admin.StoredCatalogsSessionCatalog;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a statement (or a script) does and which tables it reads and writes, without running it: names resolved
 * against the given catalog and database, views of the stored catalogs expanded to their base tables.
 */
@RestController
@RequestMapping("/api/v1/sql")
class AnalyzeController {

    private final SessionCatalog catalogs;

    AnalyzeController(StoredCatalogsSessionCatalog catalogs) {
        this.catalogs = requireNonNull(catalogs, "catalogs is null");
    }

    record Request(String statement, String catalog, String database) {}

    record Table(String table, String catalog, String database, String name, List<String> columns) {

        static Table of(TableReference reference) {
            return new Table(reference.path().toString(), reference.catalog(), reference.database(),
                    reference.table(), List.copyOf(reference.columns()));
        }
    }

    record Target(String type, List<String> names, boolean temporary) {

        static Target of(ObjectReference object) {
            return new Target(object.type().name(), object.names(), object.temporary());
        }
    }

    record Statement(String kind, List<Table> reads, List<Table> writes, List<String> views, Target target,
            int line, int column, String text) {

        static Statement of(StatementAnalysis analysis) {
            return new Statement(analysis.kind().name(), tables(analysis.reads()), tables(analysis.writes()),
                    analysis.views().stream().map(TablePath::toString).toList(),
                    analysis.target().map(Target::of).orElse(null), analysis.statement().span().line(),
                    analysis.statement().span().column(), analysis.statement().text());
        }
    }

    /** One statement: its analysis at the top; a script: kind SCRIPT and every table of all its statements. */
    record Answer(String kind, List<Table> reads, List<Table> writes, List<String> views, Target target,
            List<Statement> statements) {}

    @PostMapping("/analyze")
    @Operation(summary = "Kind, tables read and written (views expanded, columns where the SQL names them) and"
            + " target of a statement, or of each statement of a script; a syntax error is a 400 with its line and"
            + " column")
    Answer analyze(@RequestBody Request body) throws SqlSyntaxError, AnalysisFailedException {
        if (body == null || body.statement() == null || body.statement().isBlank()) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "statement is required");
        }
        SessionScope scope = new SessionScope(
                blankTo(body.catalog(), TableNames.DEFAULT_CATALOG), blankTo(body.database(),
                        TableNames.DEFAULT_DATABASE));
        List<StatementAnalysis> analyses = new StatementAnalyzer(catalogs).analyzeScript(body.statement(), scope);
        if (analyses.isEmpty()) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "statement has no statement in it, only"
                    + " comments or white space");
        }
        List<Statement> statements = analyses.stream().map(Statement::of).toList();
        if (statements.size() == 1) {
            Statement only = statements.get(0);
            return new Answer(only.kind(), only.reads(), only.writes(), only.views(), only.target(), statements);
        }
        Map<TablePath, TableReference> reads = new LinkedHashMap<>();
        Map<TablePath, TableReference> writes = new LinkedHashMap<>();
        java.util.SortedSet<String> views = new java.util.TreeSet<>();
        for (StatementAnalysis analysis : analyses) {
            analysis.reads().forEach(table -> reads.merge(table.path(), table, AnalyzeController::merge));
            analysis.writes().forEach(table -> writes.merge(table.path(), table, AnalyzeController::merge));
            analysis.views().forEach(view -> views.add(view.toString()));
        }
        return new Answer("SCRIPT", tables(Set.copyOf(reads.values())), tables(Set.copyOf(writes.values())),
                List.copyOf(views), null, statements);
    }

    /** The columns of both; all (an empty set) when either uses all. */
    private static TableReference merge(TableReference one, TableReference other) {
        if (one.allColumns() || other.allColumns()) {
            return TableReference.wholeTable(one.path());
        }
        Set<String> columns = new java.util.TreeSet<>(one.columns());
        columns.addAll(other.columns());
        return TableReference.of(one.path(), columns);
    }

    private static List<Table> tables(Set<TableReference> references) {
        return references.stream().sorted().map(Table::of).toList();
    }

    private static String blankTo(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
