package io.tributary.job.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The reason a failed job is given: what actually went wrong first, then Flink's own first line. */
class RootCauseTest {

    @Test
    void theInnermostCauseComesFirst() {
        String trace = """
                org.apache.flink.runtime.JobException: Recovery is suppressed by NoRestartBackoffTimeStrategy
                \tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(X.java:1)
                Caused by: org.apache.flink.table.api.TableException: Column 'i' is NOT NULL
                \tat org.apache.flink.table.runtime.Y.z(Y.java:2)
                Caused by: java.lang.NumberFormatException: For input string: "abc"
                \t... 12 more""";
        assertThat(JobReconciler.mostSpecific(trace)).isEqualTo("java.lang.NumberFormatException: For input string:"
                + " \"abc\" (org.apache.flink.runtime.JobException: Recovery is suppressed by"
                + " NoRestartBackoffTimeStrategy)");
    }

    @Test
    void aTraceWithoutCausesIsItsFirstLine() {
        assertThat(JobReconciler.mostSpecific("java.lang.RuntimeException: boom\n\tat a.b(C.java:1)"))
                .isEqualTo("java.lang.RuntimeException: boom");
    }
}
