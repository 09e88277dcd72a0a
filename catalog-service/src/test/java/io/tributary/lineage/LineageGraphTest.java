package io.tributary.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.analysis.TablePath;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageGraphTest {

    private static final TablePath A = path("a");
    private static final TablePath B = path("b");
    private static final TablePath C = path("c");
    private static final TablePath D = path("d");
    private static final TablePath X = path("x");

    private static final LineageEdge A_B = statement(A, B, "s1");
    private static final LineageEdge B_C = statement(B, C, "s2");
    private static final LineageEdge C_D = new LineageEdge(C, D, LineageVia.job("job-1", "c-to-d"));
    private static final LineageEdge X_B = statement(X, B, "s3");
    private static final LineageEdge D_A = statement(D, A, "s4");

    @Test
    void walksUpstreamAndDownstreamTransitivelyNearestFirst() {
        Lineage lineage = LineageGraph.of(List.of(A_B, B_C, C_D, X_B)).around(B, 10);
        assertThat(lineage.upstream()).containsExactly(new LineageNode(A, 1), new LineageNode(X, 1));
        assertThat(lineage.downstream()).containsExactly(new LineageNode(C, 1), new LineageNode(D, 2));
        assertThat(lineage.edges()).containsExactlyInAnyOrder(A_B, X_B, B_C, C_D);
    }

    @Test
    void stopsAtTheDepthLimit() {
        Lineage lineage = LineageGraph.of(List.of(A_B, B_C, C_D)).around(A, 1);
        assertThat(lineage.downstream()).containsExactly(new LineageNode(B, 1));
        assertThat(lineage.edges()).containsExactly(A_B);
        assertThat(lineage.upstream()).isEmpty();
    }

    @Test
    void aCycleEndsAndTheTableItselfIsNoNeighbour() {
        Lineage lineage = LineageGraph.of(List.of(A_B, B_C, C_D, D_A)).around(A, 50);
        assertThat(lineage.downstream()).extracting(LineageNode::table).containsExactly(B, C, D);
        assertThat(lineage.upstream()).extracting(LineageNode::table).containsExactly(D, C, B);
    }

    @Test
    void aTableNothingFlowsThroughHasNoLineage() {
        Lineage lineage = LineageGraph.of(List.of(A_B)).around(X, 3);
        assertThat(lineage.upstream()).isEmpty();
        assertThat(lineage.downstream()).isEmpty();
        assertThat(lineage.edges()).isEmpty();
        assertThatThrownBy(() -> LineageGraph.of(List.of()).around(A, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static TablePath path(String table) {
        return new TablePath("cat", "db", table);
    }

    private static LineageEdge statement(TablePath from, TablePath to, String id) {
        return new LineageEdge(from, to, LineageVia.statements(id, 1, Instant.EPOCH));
    }
}
