package io.tributary.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reads through views are reported as the views' base tables, recursively, with a guard against cycles. */
class ViewExpansionTest {

    private static final SessionScope CAT_DB = new SessionScope("cat", "db");
    private static final SessionScope OTHER_SALES = new SessionScope("other", "sales");

    @Test
    void nestedViewsAcrossCatalogsResolveEachInItsOwnScope() throws Exception {
        SessionCatalog catalog = InMemorySessionCatalog.empty()
                .withView("cat.db.v1", "SELECT * FROM other.sales.v2", CAT_DB)
                .withView("other.sales.v2", "SELECT k FROM v3 WHERE k > 0", OTHER_SALES)
                .withView("other.sales.v3", "SELECT k, x FROM base", OTHER_SALES);

        StatementAnalysis analysis = new StatementAnalyzer(catalog).analyze("SELECT k FROM v1", CAT_DB);

        assertThat(analysis.reads()).containsExactly(
                TableReference.of(new TablePath("other", "sales", "base"), Set.of("k", "x")));
        assertThat(analysis.views()).containsExactly(
                new TablePath("cat", "db", "v1"),
                new TablePath("other", "sales", "v2"),
                new TablePath("other", "sales", "v3"));
    }

    @Test
    void cycleIsAFailedAnalysisThatNamesTheCycle() {
        SessionCatalog catalog = InMemorySessionCatalog.empty()
                .withView("cat.db.v_a", "SELECT * FROM v_b", CAT_DB)
                .withView("cat.db.v_b", "SELECT * FROM v_c JOIN t ON TRUE", CAT_DB)
                .withView("cat.db.v_c", "SELECT * FROM v_a", CAT_DB);

        AnalysisFailedException failure = analysisFailure(catalog, "INSERT INTO sink SELECT * FROM v_a");

        assertThat(failure.code()).isEqualTo(AnalysisErrorCode.VIEW_CYCLE);
        assertThat(failure.getMessage()).isEqualTo(
                "View cat.db.v_a refers to itself: cat.db.v_a -> cat.db.v_b -> cat.db.v_c -> cat.db.v_a.");
        assertThat(failure.statement().text()).isEqualTo("INSERT INTO sink SELECT * FROM v_a");
    }

    @Test
    void viewReferringToItself() {
        SessionCatalog catalog = InMemorySessionCatalog.empty().withView("cat.db.v", "SELECT * FROM v", CAT_DB);

        assertThat(analysisFailure(catalog, "SELECT * FROM v").getMessage())
                .isEqualTo("View cat.db.v refers to itself: cat.db.v -> cat.db.v.");
    }

    @Test
    void viewReadTwiceOrThroughTwoPathsIsNoCycle() throws Exception {
        SessionCatalog catalog = InMemorySessionCatalog.empty()
                .withView("cat.db.base_view", "SELECT id, amount FROM orders", CAT_DB)
                .withView("cat.db.left_view", "SELECT id FROM base_view", CAT_DB)
                .withView("cat.db.right_view", "SELECT amount FROM base_view", CAT_DB);

        StatementAnalysis analysis = new StatementAnalyzer(catalog).analyze(
                "SELECT * FROM left_view l JOIN right_view r ON TRUE JOIN base_view b ON l.id = b.id", CAT_DB);

        assertThat(analysis.reads()).containsExactly(
                TableReference.of(new TablePath("cat", "db", "orders"), Set.of("id", "amount")));
        assertThat(analysis.views()).extracting(TablePath::table)
                .containsExactlyInAnyOrder("base_view", "left_view", "right_view");
    }

    @Test
    void knownColumnsOfAViewLetAJoinAttributeTheOthers() throws Exception {
        SessionCatalog catalog = InMemorySessionCatalog.empty().withView("cat.db.totals",
                "SELECT customer_id, SUM(amount) AS total FROM orders GROUP BY customer_id", CAT_DB);

        StatementAnalysis analysis = new StatementAnalyzer(catalog).analyze(
                "SELECT total, name FROM totals t JOIN customers c ON t.customer_id = c.id", CAT_DB);

        assertThat(analysis.reads()).containsExactlyInAnyOrder(
                TableReference.of(new TablePath("cat", "db", "orders"), Set.of("customer_id", "amount")),
                TableReference.of(new TablePath("cat", "db", "customers"), Set.of("id", "name")));
    }

    @Test
    void temporaryViewShadowsNothingAndIsNotATable() throws Exception {
        SessionCatalog catalog = InMemorySessionCatalog.empty()
                .withTemporaryView("cat.db.tv", "SELECT id FROM hive.dw.orders", CAT_DB);

        StatementAnalysis analysis = new StatementAnalyzer(catalog).analyze("SELECT id FROM tv", CAT_DB);

        assertThat(analysis.reads()).containsExactly(
                TableReference.of(new TablePath("hive", "dw", "orders"), Set.of("id")));
        assertThat(analysis.views()).containsExactly(new TablePath("cat", "db", "tv"));
    }

    @Test
    void viewWhoseQueryDoesNotParse() {
        SessionCatalog catalog = InMemorySessionCatalog.empty().withView("cat.db.broken", "SELECT FROM", CAT_DB);

        AnalysisFailedException failure = analysisFailure(catalog, "SELECT * FROM broken");

        assertThat(failure.code()).isEqualTo(AnalysisErrorCode.VIEW_NOT_PARSABLE);
        assertThat(failure.getMessage()).startsWith("The stored query of view cat.db.broken does not parse: ");
        assertThat(failure.getCause()).isInstanceOf(AnalysisProblem.class);
    }

    @Test
    void viewWhoseQueryIsNotAQuery() {
        SessionCatalog catalog = InMemorySessionCatalog.empty()
                .withView("cat.db.odd", "INSERT INTO t SELECT 1", CAT_DB);

        assertThat(analysisFailure(catalog, "SELECT * FROM odd").code())
                .isEqualTo(AnalysisErrorCode.VIEW_NOT_PARSABLE);
    }

    @Test
    void unreachableCatalogFailsTheAnalysisNotTheCaller() {
        AnalysisFailedException failure = analysisFailure(new UnreachableSessionCatalog(), "SELECT * FROM t");

        assertThat(failure.code()).isEqualTo(AnalysisErrorCode.CATALOG_LOOKUP_FAILED);
        assertThat(failure.getMessage()).isEqualTo(
                "Could not look up cat.db.t in the session's catalogs: metastore at 127.0.0.1:9083 is down");
    }

    private static AnalysisFailedException analysisFailure(SessionCatalog catalog, String statement) {
        AnalysisFailedException failure = catchThrowableOfType(AnalysisFailedException.class,
                () -> new StatementAnalyzer(catalog).analyze(statement, CAT_DB));
        assertThat(failure).as("analysis failure for %s", statement).isNotNull();
        return failure;
    }

    /** A session whose catalog cannot be reached. */
    private static final class UnreachableSessionCatalog implements SessionCatalog {
        @Override
        public Optional<ViewDefinition> view(TablePath path) {
            throw new IllegalStateException("metastore at 127.0.0.1:9083 is down");
        }

        @Override
        public boolean isTemporaryTable(TablePath path) {
            throw new IllegalStateException("metastore at 127.0.0.1:9083 is down");
        }

        @Override
        public Optional<String> defaultDatabase(String catalog) {
            throw new IllegalStateException("metastore at 127.0.0.1:9083 is down");
        }
    }
}
