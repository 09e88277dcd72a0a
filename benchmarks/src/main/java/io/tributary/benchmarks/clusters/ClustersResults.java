package io.tributary.benchmarks.clusters;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.cluster.ClusterWatchSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one run of the clusters benchmark measured. */
record ClustersResults(
        ClustersBenchmarkOptions options,
        MachineInfo machine,
        Instant started,
        Duration elapsed,
        String loadAverageAtEnd,
        ClusterWatchSettings settings,
        Duration setUp,
        Polls polls,
        Map<String, List<Duration>> latencies,
        Scheduled scheduled,
        Busy busy,
        Lost lost) {

    ClustersResults {
        latencies = Map.copyOf(latencies);
    }

    /** Polls of every cluster with nothing changing. */
    record Polls(int count, long jobsOverviewRequests, long overviewRequests, Duration watcherCpuPerPoll,
            Duration processCpuPerPoll, List<Duration> wallTimes) {
        Polls {
            wallTimes = List.copyOf(wallTimes);
        }

        double jobsOverviewPerPoll() {
            return (double) jobsOverviewRequests / count;
        }

        double overviewPerPoll() {
            return (double) overviewRequests / count;
        }
    }

    /** Requests while the watcher ran on its schedule and jobs changed state, per poll interval. */
    record Scheduled(double rounds, long jobsOverviewRequests, long overviewRequests, long otherRequests) {}

    /** Polls per interval of a cluster with an operation in flight, and of each other cluster. */
    record Busy(double busyClusterPerInterval, double otherClusterPerInterval) {}

    /** A cluster that stopped answering and came back. */
    record Lost(int jobs, Duration toClusterLost, Duration toLastJobLost, Duration toRecovered,
            Duration toLastJobRunningAgain) {}

    static Builder builder(ClustersBenchmarkOptions options, MachineInfo machine, Instant started) {
        return new Builder(options, machine, started);
    }

    static final class Builder {
        private final ClustersBenchmarkOptions options;
        private final MachineInfo machine;
        private final Instant started;
        private ClusterWatchSettings settings;
        private Duration setUp = Duration.ZERO;
        private Polls polls;
        private final Map<String, List<Duration>> latencies = new LinkedHashMap<>();
        private Scheduled scheduled;
        private Busy busy;
        private Lost lost;

        private Builder(ClustersBenchmarkOptions options, MachineInfo machine, Instant started) {
            this.options = requireNonNull(options, "options is null");
            this.machine = requireNonNull(machine, "machine is null");
            this.started = requireNonNull(started, "started is null");
        }

        void settings(ClusterWatchSettings value) {
            settings = value;
        }

        void setUp(Duration value) {
            setUp = value;
        }

        void polls(int count, long jobsOverview, long overview, Duration watcherCpu, Duration processCpu,
                List<Duration> walls) {
            polls = new Polls(count, jobsOverview, overview, watcherCpu, processCpu, walls);
        }

        void latency(String change, Duration latency) {
            latencies.computeIfAbsent(change, key -> new ArrayList<>()).add(latency);
        }

        void scheduled(double rounds, long jobsOverview, long overview, long other) {
            scheduled = new Scheduled(rounds, jobsOverview, overview, other);
        }

        void busy(double busyCluster, double otherCluster) {
            busy = new Busy(busyCluster, otherCluster);
        }

        void lost(int jobs, Duration toLost, Duration toLastJobLost, Duration toRecovered, Duration toLastJobBack) {
            lost = new Lost(jobs, toLost, toLastJobLost, toRecovered, toLastJobBack);
        }

        ClustersResults build(Duration elapsed, String loadAverageAtEnd) {
            return new ClustersResults(options, machine, started, elapsed, loadAverageAtEnd,
                    requireNonNull(settings, "settings"), setUp, requireNonNull(polls, "polls"), latencies,
                    requireNonNull(scheduled, "scheduled"), requireNonNull(busy, "busy"), requireNonNull(lost, "lost"));
        }
    }
}
