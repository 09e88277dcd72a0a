package io.tributary.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {

    private static final Table TABLE = new Table("Latency (ms)",
            List.of("Query", "Median", "Ratio"),
            List.of(List.of("SELECT 1", "12.5", "1.01x"),
                    List.of("a | b", "7.0", "0.98x")));

    @Test
    void textAlignsLabelsLeftAndValuesRight() {
        assertThat(new TextTableRenderer().render(TABLE)).isEqualTo("""
                Latency (ms)
                Query     Median  Ratio
                -----------------------
                SELECT 1    12.5  1.01x
                a | b        7.0  0.98x
                """);
    }

    @Test
    void markdownEscapesPipesAndAlignsValueColumnsRight() {
        assertThat(new MarkdownTableRenderer().render(TABLE)).isEqualTo("""
                ### Latency (ms)

                | Query | Median | Ratio |
                | :--- | ---: | ---: |
                | SELECT 1 | 12.5 | 1.01x |
                | a \\| b | 7.0 | 0.98x |
                """);
    }

    @Test
    void everyRowHasOneCellPerColumn() {
        assertThatThrownBy(() -> new Table("t", List.of("a", "b"), List.of(List.of("1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 1 cells, the table has 2 columns");
    }
}
