package io.tributary.benchmarks.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ResidentMemoryTest {

    @Test
    void readsVmRssInKibibytes() {
        String status = "Name:\tjava\nVmPeak:\t 9000000 kB\nVmRSS:\t  812345 kB\nVmSwap:\t       0 kB\n";

        assertThat(ResidentMemory.parseVmRss(status)).hasValue(812_345L * 1024);
    }

    @Test
    void noVmRssLineForAKernelThread() {
        assertThat(ResidentMemory.parseVmRss("Name:\tkthreadd\nState:\tS (sleeping)\n")).isEmpty();
    }

    @Test
    void readsTheResidentMemoryOfThisProcess() throws Exception {
        long bytes = new ResidentMemory(Path.of("/proc")).bytesOf(ProcessHandle.current().pid());

        assertThat(bytes).isPositive();
    }
}
