package io.tributary.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every statement of {@code analysis/corpus.sql} gets the kind, reads, writes, views and target written there. */
class StatementCorpusTest {

    private static final SessionScope CAT_DB = Corpus.DEFAULT_SCOPE;
    private static final List<CorpusEntry> CORPUS = Corpus.load("/analysis/corpus.sql");

    /** The views and temporary objects the corpus uses (listed at the top of corpus.sql). */
    static final InMemorySessionCatalog SESSION = InMemorySessionCatalog.empty()
            .withView("cat.db.big_orders", "SELECT id, customer_id, amount FROM orders WHERE amount > 100", CAT_DB)
            .withView("cat.db.customer_totals",
                    "SELECT b.customer_id, SUM(b.amount) AS total FROM big_orders b GROUP BY b.customer_id", CAT_DB)
            .withView("cat.db.customer_names",
                    "SELECT `customers`.`id`, `customers`.`name`\nFROM `cat`.`db`.`customers`", CAT_DB)
            .withView("other.sales.eu_orders", "SELECT * FROM orders", new SessionScope("other", "sales"))
            .withTemporaryView("cat.db.recent_orders",
                    "SELECT id, ts FROM orders WHERE ts > TIMESTAMP '2024-01-01 00:00:00'", CAT_DB)
            .withTemporaryTable("cat.db.scratch");

    private final StatementAnalyzer analyzer = new StatementAnalyzer(SESSION);

    static List<CorpusEntry> corpus() {
        return CORPUS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void analysesLikeTheCorpusSays(CorpusEntry entry) throws Exception {
        StatementAnalysis analysis = analyzer.analyze(entry.statement(), entry.scope());

        assertThat(analysis.kind()).as("kind").isEqualTo(entry.kind());
        assertThat(analysis.reads()).as("reads").containsExactlyInAnyOrderElementsOf(entry.reads());
        assertThat(analysis.writes()).as("writes").containsExactlyInAnyOrderElementsOf(entry.writes());
        assertThat(analysis.views()).as("views").containsExactlyInAnyOrderElementsOf(entry.views());
        assertThat(analysis.target().map(ObjectReference::toString)).as("target").isEqualTo(entry.target());
    }

    @Test
    void corpusCoversEveryKindOfStatement() {
        Set<StatementKind> covered = CORPUS.stream().map(CorpusEntry::kind).collect(Collectors.toSet());

        assertThat(EnumSet.complementOf(EnumSet.copyOf(covered))).as("kinds without a corpus statement").isEmpty();
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(70);
    }

    @Test
    void corpusStatementsStartWhereTheyAre() throws Exception {
        CorpusEntry commented = CORPUS.stream()
                .filter(entry -> entry.name().equals("comments and hints are ignored"))
                .findFirst()
                .orElseThrow();

        StatementAnalysis analysis = analyzer.analyze(commented.statement(), commented.scope());

        // The leading comment is not part of the statement; the trailing one is outside its last token.
        assertThat(analysis.statement().text()).startsWith("SELECT id").endsWith("WHERE status = 'NEW'");
        assertThat(analysis.statement().span()).isEqualTo(new SourceSpan(1, 25, 3, 20));
        assertThat(analysis.target()).isEqualTo(Optional.empty());
    }
}
