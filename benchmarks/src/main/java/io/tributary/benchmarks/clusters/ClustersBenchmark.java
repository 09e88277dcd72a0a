package io.tributary.benchmarks.clusters;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.Benchmark;
import io.tributary.benchmarks.Workspace;
import io.tributary.benchmarks.process.ScratchDirectories;
import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.cluster.ClusterPoll;
import io.tributary.cluster.ClusterWatchSettings;
import io.tributary.cluster.ClusterWatcher;
import io.tributary.job.JobState;
import io.tributary.job.JobVersion;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * {@code ./tributary bench clusters}: the cluster watcher with 1,000 managed jobs across 10 clusters. One machine
 * cannot hold 1,000 real Flink jobs, so the 10 clusters are simulated: small HTTP servers on 127.0.0.1 that answer
 * Flink's REST API ({@code /jobs/overview}, {@code /overview}) as JobManagers do ({@link SimulatedFlinkCluster}).
 * Everything else is real and in this JVM: the server's ClusterWatcher, registry, reconciler and job repository on
 * an H2 metadata database in a temporary directory with 1,000 managed jobs in it. Measured: requests per poll,
 * time from a state change in a cluster's answers to its event, CPU per poll, and a cluster lost and recovered.
 */
public final class ClustersBenchmark implements Benchmark {

    static final int REQUESTS_PER_POLL_GOAL = 10;
    static final Duration EVENT_LATENCY_GOAL = Duration.ofSeconds(2);
    private static final int UNMANAGED_RUNNING_PER_CLUSTER = 3;
    private static final int UNMANAGED_FINISHED_PER_CLUSTER = 2;
    private static final int WARM_UP_POLLS = 5;
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(30);

    private final Workspace workspace;
    private final ScratchDirectories scratch;
    private final PrintStream out;

    public ClustersBenchmark(Workspace workspace, ScratchDirectories scratch, PrintStream out) {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public String name() {
        return "clusters";
    }

    @Override
    public String description() {
        return "the cluster watcher: 1,000 managed jobs on 10 simulated Flink clusters (requests, latency, CPU)";
    }

    @Override
    public String usage() {
        return ClustersBenchmarkOptions.USAGE;
    }

    @Override
    public void run(List<String> arguments) throws Exception {
        ClustersBenchmarkOptions options = ClustersBenchmarkOptions.parse(arguments);
        Instant started = Instant.now();
        long startedNanos = System.nanoTime();
        MachineInfo machine = MachineInfo.current();
        AtomicInteger serverThreads = new AtomicInteger();
        ExecutorService serverExecutor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "simulated-flink-" + serverThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        List<SimulatedFlinkCluster> simulated = new ArrayList<>();
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tributary-cluster-watcher");
            thread.setDaemon(true);
            return thread;
        });
        ClustersResults.Builder results = ClustersResults.builder(options, machine, started);
        try {
            for (int i = 0; i < options.clusters(); i++) {
                simulated.add(new SimulatedFlinkCluster(serverExecutor).start());
            }
            EventArrivals arrivals = new EventArrivals();
            ClusterWatchSettings settings = ClusterWatchSettings.defaults(options.pollInterval());
            results.settings(settings);
            Path directory = scratch.create("clusters-benchmark");
            try (WatcherHarness under = new WatcherHarness(directory, simulated.get(0).restAddress(), settings,
                    arrivals)) {
                out.printf("Setting up %d simulated clusters and %d managed jobs in H2 (%s)%n", options.clusters(),
                        options.jobs(), directory);
                long setUp = System.nanoTime();
                List<String> clusterIds = register(under, simulated);
                List<List<Managed>> jobsByCluster = insertJobs(under, simulated, clusterIds, options.jobs());
                results.setUp(Duration.ofNanos(System.nanoTime() - setUp));
                ClusterWatcher watcher = under.watcher();

                for (int i = 0; i < WARM_UP_POLLS; i++) {
                    requireAllAnswered(watcher.pollAll().join());
                }
                measurePolls(options, watcher, simulated, results);
                schedule.scheduleAtFixedRate(() -> {
                    try {
                        watcher.tick();
                    } catch (RuntimeException e) {
                        out.println("tick failed: " + e);
                    }
                }, 0, watcher.tickInterval().toMillis(), TimeUnit.MILLISECONDS);
                try {
                    Set<Managed> ended = measureLatency(options, simulated, jobsByCluster, arrivals, results);
                    measureBusyCluster(options, under, simulated, jobsByCluster, results);
                    measureLostCluster(simulated, clusterIds, jobsByCluster, ended, arrivals, results);
                } finally {
                    schedule.shutdownNow();
                    schedule.awaitTermination(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            schedule.shutdownNow();
            simulated.forEach(SimulatedFlinkCluster::close);
            serverExecutor.shutdownNow();
        }
        ClustersReport report = new ClustersReport(results.build(Duration.ofNanos(System.nanoTime() - startedNanos),
                MachineInfo.currentLoadAverage()));
        out.print(report.text());
        Path file = write(report.markdown(), started);
        out.println();
        out.println("Results written to " + workspace.root().relativize(file));
    }

    private static List<String> register(WatcherHarness under, List<SimulatedFlinkCluster> simulated) {
        List<String> ids = new ArrayList<>();
        ids.add(under.registry().embedded().id());
        for (int i = 1; i < simulated.size(); i++) {
            ids.add(under.registry().register("simulated-" + i, "standalone",
                    simulated.get(i).restAddress().toString(), "benchmark").id());
        }
        return ids;
    }

    /** A managed job of the benchmark: its id, its Flink job id, the simulated cluster that runs it. */
    private record Managed(String id, String flinkJobId, SimulatedFlinkCluster cluster) {}

    private static List<List<Managed>> insertJobs(WatcherHarness under, List<SimulatedFlinkCluster> simulated,
            List<String> clusterIds, int count) {
        ManagedJobRepository jobs = under.jobs();
        List<List<Managed>> byCluster = new ArrayList<>();
        simulated.forEach(cluster -> byCluster.add(new ArrayList<>()));
        Instant now = Instant.now();
        for (int i = 0; i < count; i++) {
            int c = i % simulated.size();
            String name = String.format("job-%04d", i);
            ManagedJob job = new ManagedJob(UUID.randomUUID().toString(), name, clusterIds.get(c), JobState.CREATED, 1,
                    Optional.empty(), Optional.empty(), ManagedJob.AutoRestart.OFF, 0, Optional.empty(), "benchmark",
                    now, now);
            jobs.create(job, new JobVersion(job.id(), 1, "INSERT INTO sink_" + i + " SELECT * FROM source_" + i,
                    "default_catalog", "default_database", Map.of("parallelism.default", "1"), List.of(), List.of(),
                    List.of(), Optional.empty(), Optional.empty(), "benchmark", now));
            String flinkJobId = flinkJobId();
            jobs.applyChange(job.id(), StateChange.of(JobState.CREATED, JobState.DEPLOYING, "benchmark", "deploy")
                    .withFlinkJobId(flinkJobId));
            jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.RUNNING, "benchmark",
                    "submitted"));
            simulated.get(c).addJob(flinkJobId, name, "RUNNING");
            byCluster.get(c).add(new Managed(job.id(), flinkJobId, simulated.get(c)));
        }
        for (SimulatedFlinkCluster cluster : simulated) {
            for (int i = 0; i < UNMANAGED_RUNNING_PER_CLUSTER; i++) {
                cluster.addJob(flinkJobId(), "someone else's stream " + i, "RUNNING");
            }
            for (int i = 0; i < UNMANAGED_FINISHED_PER_CLUSTER; i++) {
                cluster.addJob(flinkJobId(), "someone else's batch " + i, "FINISHED");
            }
        }
        return byCluster;
    }

    /** Requests and CPU of N polls of every cluster, nothing changing: what the watcher costs at rest. */
    private void measurePolls(ClustersBenchmarkOptions options, ClusterWatcher watcher,
            List<SimulatedFlinkCluster> simulated, ClustersResults.Builder results) {
        out.printf("Polling every cluster %d times (nothing changes)%n", options.polls());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long jobsBefore = sum(simulated, SimulatedFlinkCluster::jobsOverviewRequests);
        long overviewBefore = sum(simulated, SimulatedFlinkCluster::overviewRequests);
        Map<Long, Long> watcherBefore = cpuByThread(threads, ClustersBenchmark::watcherThread);
        Map<Long, Long> serversBefore = cpuByThread(threads, ClustersBenchmark::simulatedServerThread);
        long processBefore = processCpuNanos();
        List<Duration> walls = new ArrayList<>();
        for (int i = 0; i < options.polls(); i++) {
            long begin = System.nanoTime();
            requireAllAnswered(watcher.pollAll().join());
            walls.add(Duration.ofNanos(System.nanoTime() - begin));
        }
        long watcherCpu = cpuDelta(watcherBefore, cpuByThread(threads, ClustersBenchmark::watcherThread));
        long serversCpu = cpuDelta(serversBefore, cpuByThread(threads, ClustersBenchmark::simulatedServerThread));
        long processCpu = processCpuNanos() - processBefore;
        results.polls(options.polls(),
                sum(simulated, SimulatedFlinkCluster::jobsOverviewRequests) - jobsBefore,
                sum(simulated, SimulatedFlinkCluster::overviewRequests) - overviewBefore,
                Duration.ofNanos(watcherCpu / options.polls()),
                Duration.ofNanos(Math.max(0, processCpu - serversCpu) / options.polls()),
                walls);
    }

    /**
     * With the watcher on its schedule (as in the server): a job's state changes in its cluster's answers, and the
     * time until its event is published is measured — RESTARTING, back to RUNNING, FAILED, CANCELED — at random
     * moments of the poll cycle. Returns the jobs that ended (FAILED, CANCELED).
     */
    private Set<Managed> measureLatency(ClustersBenchmarkOptions options, List<SimulatedFlinkCluster> simulated,
            List<List<Managed>> jobsByCluster, EventArrivals arrivals, ClustersResults.Builder results)
            throws InterruptedException {
        out.printf("Changing %d jobs' states in the clusters' answers, timing their events (poll every %d ms)%n",
                options.changes(), options.pollInterval().toMillis());
        Random random = new Random(42);
        long jobsBefore = sum(simulated, SimulatedFlinkCluster::jobsOverviewRequests);
        long overviewBefore = sum(simulated, SimulatedFlinkCluster::overviewRequests);
        long otherBefore = sum(simulated, SimulatedFlinkCluster::otherRequests);
        long begin = System.nanoTime();
        Set<Managed> ended = new HashSet<>();
        for (int change = 0; change < options.changes(); change++) {
            List<Managed> cluster = jobsByCluster.get(change % jobsByCluster.size());
            Managed job = cluster.get(1 + change / jobsByCluster.size());
            sleepRandomly(random, options.pollInterval());
            results.latency("RESTARTING", timeChange(arrivals, job, "RESTARTING", "JOB_RESTARTING"));
            sleepRandomly(random, options.pollInterval());
            results.latency("RUNNING again", timeChange(arrivals, job, "RUNNING", "JOB_RUNNING_AGAIN"));
            sleepRandomly(random, options.pollInterval());
            boolean fail = change % 2 == 0;
            results.latency(fail ? "FAILED" : "CANCELED", timeChange(arrivals, job, fail ? "FAILED" : "CANCELED",
                    fail ? "JOB_FAILED" : "JOB_CANCELED"));
            ended.add(job);
        }
        double rounds = (double) (System.nanoTime() - begin) / options.pollInterval().toNanos();
        results.scheduled(rounds, sum(simulated, SimulatedFlinkCluster::jobsOverviewRequests) - jobsBefore,
                sum(simulated, SimulatedFlinkCluster::overviewRequests) - overviewBefore,
                sum(simulated, SimulatedFlinkCluster::otherRequests) - otherBefore);
        return ended;
    }

    private static Duration timeChange(EventArrivals arrivals, Managed job, String flinkState, String eventType)
            throws InterruptedException {
        arrivals.forget(eventType, job.id());
        long changedAt = System.nanoTime();
        job.cluster().setState(job.flinkJobId(), flinkState);
        long arrivedAt = arrivals.await(eventType, job.id(), EVENT_TIMEOUT);
        return Duration.ofNanos(arrivedAt - changedAt);
    }

    /** A stop with savepoint under way on one cluster: that cluster is polled faster, the others are not. */
    private void measureBusyCluster(ClustersBenchmarkOptions options, WatcherHarness under,
            List<SimulatedFlinkCluster> simulated, List<List<Managed>> jobsByCluster, ClustersResults.Builder results)
            throws InterruptedException {
        Managed job = jobsByCluster.get(1).get(0);
        out.println("A stop with savepoint under way on one cluster for 5 poll intervals");
        under.jobs().applyChange(job.id(), StateChange.of(JobState.RUNNING, JobState.SAVEPOINTING, "benchmark",
                "stop with savepoint"));
        TimeUnit.MILLISECONDS.sleep(options.pollInterval().toMillis());
        long busyBefore = job.cluster().jobsOverviewRequests();
        long othersBefore = sum(simulated, SimulatedFlinkCluster::jobsOverviewRequests) - busyBefore;
        long begin = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(options.pollInterval().toMillis() * 5);
        double rounds = (double) (System.nanoTime() - begin) / options.pollInterval().toNanos();
        long busy = job.cluster().jobsOverviewRequests() - busyBefore;
        long others = sum(simulated, SimulatedFlinkCluster::jobsOverviewRequests) - busy - busyBefore - othersBefore;
        under.jobs().applyChange(job.id(), StateChange.of(JobState.SAVEPOINTING, JobState.RUNNING, "benchmark",
                "stop abandoned"));
        results.busy(busy / rounds, others / rounds / (simulated.size() - 1));
    }

    /** A cluster stops answering (connections refused), then answers again: LOST, its jobs LOST, RECOVERED. */
    private void measureLostCluster(List<SimulatedFlinkCluster> simulated, List<String> clusterIds,
            List<List<Managed>> jobsByCluster, Set<Managed> ended, EventArrivals arrivals,
            ClustersResults.Builder results) throws InterruptedException {
        int index = simulated.size() / 2;
        SimulatedFlinkCluster cluster = simulated.get(index);
        String clusterId = clusterIds.get(index);
        List<Managed> running = jobsByCluster.get(index).stream().filter(job -> !ended.contains(job)).toList();
        out.printf("Stopping simulated cluster %d (%d running managed jobs), then starting it again%n", index,
                running.size());
        long stoppedAt = System.nanoTime();
        cluster.stop();
        long lostAt = arrivals.await("CLUSTER_LOST", clusterId, EVENT_TIMEOUT);
        long lastJobLost = lostAt;
        for (Managed job : running) {
            lastJobLost = Math.max(lastJobLost, arrivals.await("JOB_LOST", job.id(), EVENT_TIMEOUT));
        }
        long restartedAt = System.nanoTime();
        cluster.start();
        long recoveredAt = arrivals.await("CLUSTER_RECOVERED", clusterId, EVENT_TIMEOUT);
        long lastJobBack = recoveredAt;
        for (Managed job : running) {
            lastJobBack = Math.max(lastJobBack, arrivals.await("JOB_RUNNING_AGAIN", job.id(), EVENT_TIMEOUT));
        }
        results.lost(running.size(), Duration.ofNanos(lostAt - stoppedAt), Duration.ofNanos(lastJobLost - stoppedAt),
                Duration.ofNanos(recoveredAt - restartedAt), Duration.ofNanos(lastJobBack - restartedAt));
    }

    private static void sleepRandomly(Random random, Duration pollInterval) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(100 + random.nextInt((int) pollInterval.toMillis()));
    }

    private static void requireAllAnswered(List<ClusterPoll> polls) {
        for (ClusterPoll poll : polls) {
            if (!poll.answered()) {
                throw new IllegalStateException("cluster " + poll.clusterId() + " did not answer: "
                        + poll.error().orElse("?"));
            }
        }
    }

    private static String flinkJobId() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static long sum(List<SimulatedFlinkCluster> clusters,
            java.util.function.ToLongFunction<SimulatedFlinkCluster> counter) {
        return clusters.stream().mapToLong(counter).sum();
    }

    /** The poller threads, the JDK HTTP client's threads and this one (which runs pollAll's queries). */
    private static boolean watcherThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("tributary-cluster-") || name.startsWith("HttpClient-")
                || thread == Thread.currentThread();
    }

    private static boolean simulatedServerThread(Thread thread) {
        String name = thread.getName();
        return name.startsWith("simulated-flink-") || name.startsWith("HTTP-Dispatcher");
    }

    private static Map<Long, Long> cpuByThread(ThreadMXBean threads, Predicate<Thread> which) {
        Map<Long, Long> cpu = new HashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (which.test(thread)) {
                long nanos = threads.getThreadCpuTime(thread.getId());
                if (nanos >= 0) {
                    cpu.put(thread.getId(), nanos);
                }
            }
        }
        return cpu;
    }

    private static long cpuDelta(Map<Long, Long> before, Map<Long, Long> after) {
        long total = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            total += thread.getValue() - before.getOrDefault(thread.getKey(), 0L);
        }
        return total;
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private Path write(String markdown, Instant started) throws IOException {
        Files.createDirectories(workspace.resultsDirectory());
        Path file = workspace.resultsDirectory()
                .resolve("clusters-" + LocalDate.ofInstant(started, ZoneOffset.UTC) + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        return file;
    }
}
