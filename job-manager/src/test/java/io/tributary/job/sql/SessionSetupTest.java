package io.tributary.job.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionSetupTest {

    private static final List<String> DDL = List.of("CREATE TEMPORARY TABLE t (k INT) WITH ('connector' = 'datagen')");

    @Test
    void theOptionsOfOneSubmissionAreNotPartOfTheSession() {
        SessionSetup setup = new SessionSetup(Map.of("parallelism.default", "2", "pipeline.name", "orders",
                "table.dml-sync", "true", "execution.savepoint.path", "file:///savepoints/s-1",
                "$internal.pipeline.job-id", "00000000000000000000000000000001"), "default_catalog",
                "default_database", DDL);

        assertThat(setup.options()).containsExactly(Map.entry("parallelism.default", "2"));
    }

    @Test
    void aPromotionAndTheDeployOfItsVersionShareASetUp() {
        SessionSetup validated = new SessionSetup(Map.of("parallelism.default", "2"), "default_catalog",
                "default_database", DDL);
        SessionSetup deployed = new SessionSetup(Map.of("parallelism.default", "2",
                "execution.savepoint.path", "file:///savepoints/s-1"), "default_catalog", "default_database", DDL);

        assertThat(deployed).isEqualTo(validated).hasSameHashCodeAs(validated);
        assertThat(new SessionSetup(Map.of("parallelism.default", "2"), "default_catalog", "other", DDL))
                .isNotEqualTo(validated);
        assertThat(new SessionSetup(Map.of("parallelism.default", "2"), "default_catalog", "default_database",
                List.of())).isNotEqualTo(validated);
        assertThat(new SessionSetup(Map.of("parallelism.default", "3"), "default_catalog", "default_database",
                DDL)).isNotEqualTo(validated);
    }
}
