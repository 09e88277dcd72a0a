package io.tributary.benchmarks.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterleavedRunsTest {

    private final List<String> calls = new ArrayList<>();
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @Test
    void warmUpRunsAreDiscardedAndEveryRoundRotatesWhoGoesFirst() throws Exception {
        Map<String, List<String>> results = new InterleavedRuns(1, 2,
                new PrintStream(progress, true, StandardCharsets.UTF_8))
                .run("test", List.of(new Recording("a"), new Recording("b"), new Recording("c")));

        assertThat(calls).containsExactly("a0", "b1", "c2", "b3", "c4", "a5", "c6", "a7", "b8");
        assertThat(results).containsOnlyKeys("a", "b", "c");
        assertThat(results.get("a")).containsExactly("a5", "a7");
        assertThat(results.get("b")).containsExactly("b3", "b8");
        assertThat(results.get("c")).containsExactly("c4", "c6");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("test: warm-up done (1 rounds)",
                "test: measured 2/2 rounds");
    }

    private final class Recording implements InterleavedRuns.Contender<String> {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String runOnce(int run) {
            calls.add(name + run);
            return name + run;
        }
    }
}
