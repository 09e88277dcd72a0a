package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.process.ChildProcesses;
import io.tributary.benchmarks.rounds.TurnOrder;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts each server {@code runs} times, fresh each time (new data or configuration directory, new ports), and
 * times launch to first answered query. The servers take turns, the first one alternating from run to run, and
 * each is stopped before the next starts.
 */
public final class StartupComparison {

    private final ServerStarter starter;
    private final int runs;
    private final PrintStream progress;

    public StartupComparison(ServerStarter starter, int runs, PrintStream progress) {
        this.starter = requireNonNull(starter, "starter is null");
        this.progress = requireNonNull(progress, "progress is null");
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be positive: " + runs);
        }
        this.runs = runs;
    }

    public List<StartupSamples> run(List<GatewayServerLauncher> launchers) throws IOException, InterruptedException {
        Map<String, List<Duration>> durations = new LinkedHashMap<>();
        launchers.forEach(launcher -> durations.put(launcher.name(), new ArrayList<>()));
        for (int run = 0; run < runs; run++) {
            for (GatewayServerLauncher launcher : TurnOrder.forRound(launchers, run)) {
                StartedServer started = starter.start(launcher);
                try {
                    durations.get(launcher.name()).add(started.launchToFirstRow());
                    progress.printf("  start %d/%d  %-12s %6.2f s%n", run + 1, runs, launcher.name(),
                            started.launchToFirstRow().toMillis() / 1000.0);
                } finally {
                    started.server().process().stop(ChildProcesses.STOP_GRACE);
                }
            }
        }
        List<StartupSamples> samples = new ArrayList<>();
        durations.forEach((server, measured) -> samples.add(new StartupSamples(server, measured)));
        return samples;
    }
}
