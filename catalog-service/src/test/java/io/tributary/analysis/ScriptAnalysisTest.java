package io.tributary.analysis;

import static io.tributary.analysis.StatementKind.BEGIN_STATEMENT_SET;
import static io.tributary.analysis.StatementKind.CREATE_TABLE;
import static io.tributary.analysis.StatementKind.CREATE_VIEW;
import static io.tributary.analysis.StatementKind.END_STATEMENT_SET;
import static io.tributary.analysis.StatementKind.INSERT;
import static io.tributary.analysis.StatementKind.QUERY;
import static io.tributary.analysis.StatementKind.SET;
import static io.tributary.analysis.StatementKind.STATEMENT_SET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A script is split where Flink's client splits it, and each statement sees what the ones before it did. */
class ScriptAnalysisTest {

    private static final SessionScope CAT_DB = new SessionScope("cat", "db");

    private final StatementAnalyzer analyzer =
            new StatementAnalyzer(InMemorySessionCatalog.empty().withCatalog("hive", "dw"));

    @Test
    void oneAnalysisPerStatementWithItsLineAndText() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                -- set up
                CREATE TEMPORARY VIEW big AS
                  SELECT id, amount FROM orders WHERE amount > 100;
                SET 'parallelism.default' = '2';
                INSERT INTO sink SELECT id FROM big;  SELECT 1;
                """, CAT_DB);

        assertThat(analyses).extracting(StatementAnalysis::kind).containsExactly(CREATE_VIEW, SET, INSERT, QUERY);
        assertThat(analyses).extracting(StatementAnalysis::startLine).containsExactly(2, 4, 5, 5);
        assertThat(analyses.get(0).statement().text())
                .isEqualTo("CREATE TEMPORARY VIEW big AS\n  SELECT id, amount FROM orders WHERE amount > 100");
        assertThat(analyses.get(3).statement().span()).isEqualTo(new SourceSpan(5, 39, 5, 46));

        StatementAnalysis insert = analyses.get(2);
        assertThat(insert.reads()).containsExactly(
                TableReference.of(new TablePath("cat", "db", "orders"), Set.of("id", "amount")));
        assertThat(insert.views()).containsExactly(new TablePath("cat", "db", "big"));
        assertThat(insert.writes()).containsExactly(TableReference.wholeTable(new TablePath("cat", "db", "sink")));
    }

    @Test
    void useChangesTheScopeOfTheStatementsAfterIt() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                USE CATALOG hive;
                SELECT * FROM t;
                USE dw2;
                SELECT * FROM t;
                CREATE CATALOG pg WITH ('type' = 'jdbc', 'default-database' = 'shop');
                USE CATALOG pg;
                SELECT * FROM t;
                USE CATALOG lake;
                SELECT * FROM t;
                USE cat.db;
                SELECT * FROM t
                """, CAT_DB);

        assertThat(analyses.stream().filter(analysis -> analysis.kind() == QUERY).map(this::onlyRead))
                .containsExactly(
                        new TablePath("hive", "dw", "t"),
                        new TablePath("hive", "dw2", "t"),
                        new TablePath("pg", "shop", "t"),
                        new TablePath("lake", ScriptState.FLINK_DEFAULT_DATABASE, "t"),
                        new TablePath("cat", "db", "t"));
    }

    @Test
    void semicolonsInStringsCommentsAndQuotedNamesDoNotSplit() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                SELECT ';' AS a, `x;y` FROM `t;1` /* ; */; -- c; d
                SELECT 2""", CAT_DB);

        assertThat(analyses).hasSize(2);
        // A statement's text ends at its last token: the comment after it is not part of it.
        assertThat(analyses.get(0).statement().text()).isEqualTo("SELECT ';' AS a, `x;y` FROM `t;1`");
        assertThat(analyses.get(0).reads()).containsExactly(
                TableReference.of(new TablePath("cat", "db", "t;1"), Set.of("x;y")));
    }

    @Test
    void statementSetBlockIsOneStatement() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO a SELECT * FROM b;
                  INSERT INTO c SELECT * FROM d;
                END;
                SELECT 1""", CAT_DB);

        assertThat(analyses).extracting(StatementAnalysis::kind).containsExactly(STATEMENT_SET, QUERY);
        assertThat(analyses.get(0).writes()).extracting(TableReference::table).containsExactly("a", "c");
    }

    @Test
    void caseEndInsideAStatementSetDoesNotEndTheSet() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                EXECUTE STATEMENT SET BEGIN
                  INSERT INTO a SELECT CASE WHEN x > 0 THEN CASE WHEN y THEN 1 END ELSE 2 END FROM b;
                  INSERT INTO c SELECT * FROM d;
                END;
                SELECT CASE WHEN z THEN 1 END FROM e""", CAT_DB);

        assertThat(analyses).extracting(StatementAnalysis::kind).containsExactly(STATEMENT_SET, QUERY);
        assertThat(analyses.get(0).reads()).extracting(TableReference::table).containsExactly("b", "d");
    }

    @Test
    void interactiveStatementSetIsSeveralStatements() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript(
                "BEGIN STATEMENT SET; INSERT INTO a SELECT * FROM b; INSERT INTO c SELECT * FROM d; END;", CAT_DB);

        assertThat(analyses).extracting(StatementAnalysis::kind)
                .containsExactly(BEGIN_STATEMENT_SET, INSERT, INSERT, END_STATEMENT_SET);
    }

    @Test
    void emptyStatementsAreDropped() throws Exception {
        assertThat(analyzer.analyzeScript(";;SELECT 1;;\n; -- nothing\n", CAT_DB)).hasSize(1);
        assertThat(analyzer.analyzeScript("  /* nothing */ ", CAT_DB)).isEmpty();
    }

    @Test
    void unquotedSetInAScript() throws Exception {
        List<StatementAnalysis> analyses =
                analyzer.analyzeScript("SET table.exec.state.ttl = 1h;\nSELECT 1", CAT_DB);

        assertThat(analyses).extracting(StatementAnalysis::kind).containsExactly(SET, QUERY);
    }

    @Test
    void temporaryTableOfTheScriptIsNotReported() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                CREATE TEMPORARY TABLE print_sink (id BIGINT) WITH ('connector' = 'print');
                INSERT INTO print_sink SELECT id FROM orders""", CAT_DB);

        assertThat(analyses.get(0).kind()).isEqualTo(CREATE_TABLE);
        assertThat(analyses.get(0).writes()).isEmpty();
        assertThat(analyses.get(1).writes()).isEmpty();
        assertThat(analyses.get(1).reads()).containsExactly(
                TableReference.of(new TablePath("cat", "db", "orders"), Set.of("id")));
    }

    @Test
    void viewsOfTheScriptAreExpandedUntilDroppedAndFollowRenames() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                CREATE VIEW v AS SELECT a FROM t;
                SELECT * FROM v;
                ALTER VIEW v RENAME TO w;
                SELECT * FROM w;
                DROP VIEW w;
                SELECT * FROM w""", CAT_DB);

        TablePath t = new TablePath("cat", "db", "t");
        TablePath w = new TablePath("cat", "db", "w");
        assertThat(analyses.get(1).reads()).containsExactly(TableReference.of(t, Set.of("a")));
        assertThat(analyses.get(3).reads()).containsExactly(TableReference.of(t, Set.of("a")));
        assertThat(analyses.get(3).views()).containsExactly(w);
        assertThat(analyses.get(5).reads()).containsExactly(TableReference.wholeTable(w));
    }

    @Test
    void viewOfTheScriptKeepsTheScopeItWasCreatedIn() throws Exception {
        List<StatementAnalysis> analyses = analyzer.analyzeScript("""
                CREATE TEMPORARY VIEW recent AS SELECT id FROM orders;
                USE CATALOG hive;
                SELECT id FROM cat.db.recent""", CAT_DB);

        assertThat(analyses.get(2).reads()).containsExactly(
                TableReference.of(new TablePath("cat", "db", "orders"), Set.of("id")));
    }

    @Test
    void failedAnalysisNamesItsStatement() {
        AnalysisFailedException failure = catchThrowableOfType(AnalysisFailedException.class,
                () -> analyzer.analyzeScript("SELECT 1;\nSELECT * FROM a.b.c.d", CAT_DB));

        assertThat(failure.code()).isEqualTo(AnalysisErrorCode.INVALID_NAME);
        assertThat(failure.code().userError()).isFalse();
        assertThat(failure.statement().startLine()).isEqualTo(2);
        assertThat(failure.getMessage()).isEqualTo(
                "The object name a.b.c.d has 4 parts; Flink accepts 1 to 3 (name, database.name, "
                        + "catalog.database.name).");
    }

    private TablePath onlyRead(StatementAnalysis analysis) {
        assertThat(analysis.reads()).hasSize(1);
        return analysis.reads().iterator().next().path();
    }
}
