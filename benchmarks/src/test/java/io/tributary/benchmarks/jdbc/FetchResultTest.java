package io.tributary.benchmarks.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchResultTest {

    @Test
    void readsTheLineFetchRowsPrints() {
        FetchResult result = FetchResult.parse("Tributary", "SLF4J: noise\nRESULT rows=1000 seconds=0.5"
                + " peakHeapBytes=1048576\n");

        assertThat(result).isEqualTo(new FetchResult("Tributary", 1000, 0.5, 1_048_576));
        assertThat(result.rowsPerSecond()).isEqualTo(2000.0);
    }

    @Test
    void aClientThatFailedHasNoResult() {
        assertThat(FetchResult.parse("Flink", "Exception in thread \"main\" java.lang.OutOfMemoryError")).isNull();
    }
}
