package io.tributary.server.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.analysis.SessionCatalog;
import io.tributary.analysis.SessionScope;
import io.tributary.analysis.StatementAnalysis;
import io.tributary.analysis.StatementAnalyzer;
import io.tributary.analysis.TablePath;
import io.tributary.lineage.TableFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementFlowsTest {

    private static final SessionScope SCOPE = new SessionScope("cat", "db");
    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer(SessionCatalog.empty());

    @Test
    void eachInsertOfAStatementSetFlowsIntoItsOwnTarget() throws Exception {
        String set = "EXECUTE STATEMENT SET\nBEGIN\n  INSERT INTO sink_a SELECT * FROM orders;\n"
                + "  INSERT INTO sink_b SELECT * FROM clicks JOIN users ON clicks.u = users.id;\nEND;";
        StatementAnalysis whole = ANALYZER.analyze(set, SCOPE);
        assertThat(StatementFlows.of(whole, set, ANALYZER, SCOPE)).containsExactlyInAnyOrder(
                flow("orders", "sink_a"), flow("clicks", "sink_b"), flow("users", "sink_b"));
    }

    @Test
    void aJobsTemporaryTablesAreNoLineageButItsCatalogTablesAre() throws Exception {
        List<StatementAnalysis> analyses = StatementFlows.ofJob(
                "INSERT INTO warehouse.sales SELECT k FROM gen JOIN dim ON gen.k = dim.k",
                List.of("CREATE TEMPORARY TABLE gen (k INT) WITH ('connector' = 'datagen');"), SCOPE, ANALYZER);
        assertThat(TableFlow.of(analyses)).containsExactly(
                new TableFlow(new TablePath("cat", "db", "dim"), new TablePath("cat", "warehouse", "sales")));
    }

    private static TableFlow flow(String from, String to) {
        return new TableFlow(new TablePath("cat", "db", from), new TablePath("cat", "db", to));
    }
}
