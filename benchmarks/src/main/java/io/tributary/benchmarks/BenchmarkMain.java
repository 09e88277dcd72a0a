package io.tributary.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.benchmarks.catalogs.CatalogsBenchmark;
import io.tributary.benchmarks.clusters.ClustersBenchmark;
import io.tributary.benchmarks.alerts.AlertBenchmark;
import io.tributary.benchmarks.gateway.GatewayBenchmark;
import io.tributary.benchmarks.jobs.JobsBenchmark;
import io.tributary.benchmarks.jdbc.JdbcBenchmark;
import io.tributary.benchmarks.process.ChildProcesses;
import io.tributary.benchmarks.process.ScratchDirectories;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./tributary bench [<benchmark> [options]]}: runs the benchmarks from the repository root. Every child
 * process and scratch directory is removed when it ends, normally, on failure or on Ctrl-C.
 */
public final class BenchmarkMain {

    private BenchmarkMain() {}

    public static void main(String[] args) {
        Workspace workspace;
        try {
            workspace = Workspace.atRoot(Path.of(""));
        } catch (IllegalStateException e) {
            System.err.println("tributary bench: " + e.getMessage());
            System.exit(BenchmarkCommand.FAILURE);
            return;
        }
        int status;
        ChildProcesses processes = new ChildProcesses();
        ScratchDirectories scratch = new ScratchDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        Thread cleanUp = new Thread(() -> cleanUp(processes, scratch), "benchmark-clean-up");
        Runtime.getRuntime().addShutdownHook(cleanUp);
        try {
            ObjectMapper json = new ObjectMapper();
            List<Benchmark> benchmarks = List.of(
                    new GatewayBenchmark(workspace, processes, scratch, json, System.out),
                    new CatalogsBenchmark(workspace, processes, scratch, json, System.out),
                    new JobsBenchmark(workspace, processes, scratch, json, System.out),
                    new ClustersBenchmark(workspace, scratch, System.out),
                    new AlertBenchmark(workspace, scratch, System.out),
                    new JdbcBenchmark(workspace, processes, scratch, json, System.out));
            status = new BenchmarkCommand(benchmarks, System.out, System.err).run(List.of(args));
        } finally {
            cleanUp(processes, scratch);
        }
        System.exit(status);
    }

    private static void cleanUp(ChildProcesses processes, ScratchDirectories scratch) {
        processes.close();
        scratch.close();
    }
}
