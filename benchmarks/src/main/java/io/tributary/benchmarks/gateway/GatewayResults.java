package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.report.MachineInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Everything one run of the gateway benchmark measured, and the conditions it measured them in. */
public record GatewayResults(
        Instant started,
        Duration elapsed,
        MachineInfo machine,
        String loadAverageAtEnd,
        GatewayBenchmarkOptions options,
        String tributary,
        String stock,
        List<BenchmarkQuery> queries,
        List<LatencySamples> latency,
        List<StartupSamples> startup,
        List<IdleMemory> memory) {

    public GatewayResults {
        requireNonNull(started, "started is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(loadAverageAtEnd, "loadAverageAtEnd is null");
        requireNonNull(options, "options is null");
        requireNonNull(tributary, "tributary is null");
        requireNonNull(stock, "stock is null");
        queries = List.copyOf(requireNonNull(queries, "queries is null"));
        latency = List.copyOf(requireNonNull(latency, "latency is null"));
        startup = List.copyOf(requireNonNull(startup, "startup is null"));
        memory = List.copyOf(requireNonNull(memory, "memory is null"));
    }

    public LatencySamples latency(String query, String server) {
        return latency.stream()
                .filter(samples -> samples.query().equals(query) && samples.server().equals(server))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no samples of " + query + " on " + server));
    }

    public StartupSamples startup(String server) {
        return startup.stream().filter(samples -> samples.server().equals(server)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no start-up samples of " + server));
    }

    public IdleMemory memory(String server) {
        return memory.stream().filter(measured -> measured.server().equals(server)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no memory measurement of " + server));
    }
}
