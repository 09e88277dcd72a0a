package io.tributary.benchmarks.alerts;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.alert.AlertLinks;
import io.tributary.alert.AlertPipeline;
import io.tributary.alert.AlertRuleRepository;
import io.tributary.alert.DeliveryStatus;
import io.tributary.alert.JobStateAlerts;
import io.tributary.alert.NewAlertRule;
import io.tributary.alert.channel.AlertChannel;
import io.tributary.alert.channel.AlertChannelRepository;
import io.tributary.alert.channel.ChannelSenders;
import io.tributary.alert.channel.NewAlertChannel;
import io.tributary.alert.dispatch.AlertDispatchers;
import io.tributary.alert.dispatch.AlertOutbox;
import io.tributary.alert.dispatch.DispatchSettings;
import io.tributary.benchmarks.Benchmark;
import io.tributary.benchmarks.Workspace;
import io.tributary.benchmarks.process.ScratchDirectories;
import io.tributary.benchmarks.report.MachineInfo;
import io.tributary.benchmarks.report.MarkdownTableRenderer;
import io.tributary.benchmarks.report.Table;
import io.tributary.benchmarks.report.TextTableRenderer;
import io.tributary.catalog.secret.SecretCipher;
import io.tributary.job.JobSchema;
import io.tributary.job.JobState;
import io.tributary.job.JobVersion;
import io.tributary.event.WatchEvents;
import io.tributary.job.JobVersionRepository;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.job.StateChange;
import io.tributary.metadata.MetadataDatabaseKind;
import io.tributary.metadata.MetadataMigrator;
import io.tributary.metadata.MetadataSchema;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * {@code ./tributary bench alerts}: a cluster dies with {@code --jobs} managed jobs on it. Every job goes to FAILED
 * through the job repository, each in its own transaction that also writes its alert into the outbox (as the
 * watcher does), while the webhook — a local HTTP server — takes at most {@code --rate} messages a minute and
 * answers 429 beyond. Right after the first message arrives, the dispatchers are stopped abruptly (threads
 * interrupted mid-request, nothing recorded, the lease not given up) and a new set is started on the same metadata
 * database under another name, as a restarted server would be. Measured: from the first failure to the first
 * message, to every job named in an accepted message; messages, 429s, duplicates and lost jobs. Side by side: a
 * synchronous sender of one message per failure, as the alerting our users know does, against the same webhook.
 *
 * <p>Everything runs in this JVM (the outbox, the dispatchers, the webhook) on an H2 database in a scratch
 * directory: the benchmark measures the pipeline, not a server start.
 */
public final class AlertBenchmark implements Benchmark {

    static final String USAGE = "[--jobs N (500)] [--rate N (20)] [--lease-seconds N (10)] [--warm-up N (30)]";
    private static final String WARM_UP_CLUSTER = "warm-up";

    private final Workspace workspace;
    private final ScratchDirectories scratch;
    private final PrintStream out;

    public AlertBenchmark(Workspace workspace, ScratchDirectories scratch, PrintStream out) {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String description() {
        return "500 jobs fail at once, the webhook takes 20 a minute, an abrupt restart midway: none lost";
    }

    @Override
    public String usage() {
        return USAGE;
    }

    record Options(int jobs, int rate, int leaseSeconds, int warmUp) {
        static Options parse(List<String> arguments) {
            int jobs = 500;
            int rate = 20;
            int lease = 10;
            int warmUp = 30;
            for (int i = 0; i < arguments.size(); i++) {
                String name = arguments.get(i);
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                int value;
                try {
                    value = Integer.parseInt(arguments.get(++i));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " needs a whole number, got " + arguments.get(i));
                }
                int least = name.equals("--warm-up") ? 0 : 1;
                if (value < least) {
                    throw new IllegalArgumentException(name + " must be at least " + least);
                }
                switch (name) {
                    case "--jobs" -> jobs = value;
                    case "--rate" -> rate = value;
                    case "--lease-seconds" -> lease = value;
                    case "--warm-up" -> warmUp = value;
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            }
            return new Options(jobs, rate, lease, warmUp);
        }
    }

    record Outcome(String sender, int jobs, int named, int lost, int duplicated, int messages, int throttled,
            int busiestMinute, Duration firstMessage, Duration allNamed, Duration failuresWritten,
            Duration restartToAllNamed) {}

    @Override
    public void run(List<String> arguments) throws Exception {
        Options options = Options.parse(arguments);
        Instant started = Instant.now();
        MachineInfo machine = MachineInfo.current();
        out.printf("alerts: %d jobs fail, webhook takes %d messages a minute, abrupt restart after the first"
                + " message (lease %d s)%n", options.jobs(), options.rate(), options.leaseSeconds());
        Outcome tributary = tributary(options);
        Outcome synchronous = synchronous(options);
        Table table = table(List.of(tributary, synchronous));
        out.print(new TextTableRenderer().render(table));
        Path file = write(options, machine, table, started);
        out.println("Results written to " + workspace.root().relativize(file));
    }

    private Outcome tributary(Options options) throws Exception {
        Path directory = scratch.create("alerts");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + directory.resolve("metadata"));
        config.setUsername("tributary");
        config.setMaximumPoolSize(8);
        Clock clock = Clock.systemUTC();
        try (HikariDataSource dataSource = new HikariDataSource(config);
                ThrottledWebhook webhook = new ThrottledWebhook(options.rate());
                ThrottledWebhook warmUp = new ThrottledWebhook(10_000)) {
            new MetadataMigrator(dataSource).migrate(List.of(MetadataSchema.CATALOG_SERVICE, JobSchema.SCHEMA));
            DSLContext database = DSL.using(dataSource, MetadataDatabaseKind.H2.dialect(),
                    new Settings().withRenderQuotedNames(RenderQuotedNames.NEVER).withRenderSchema(false));
            AlertChannelRepository channels = new AlertChannelRepository(database,
                    new SecretCipher("benchmark-" + UUID.randomUUID()), clock);
            AlertRuleRepository rules = new AlertRuleRepository(database);
            AtomicReference<AlertDispatchers> running = new AtomicReference<>();
            AlertPipeline pipeline = new AlertPipeline(database, rules,
                    new AlertLinks("http://127.0.0.1:8080", URI.create("http://127.0.0.1:8081")), clock,
                    () -> Optional.ofNullable(running.get()).ifPresent(AlertDispatchers::wakeUp));
            ManagedJobRepository jobs = new ManagedJobRepository(database, new JobVersionRepository(database), clock,
                    new WatchEvents(), new JobStateAlerts(pipeline));
            AlertChannel channel = channels.create(new NewAlertChannel("ops", "webhook", Map.of("url", webhook.url(),
                    "secret", "benchmark-secret"), options.rate()).toChannel("bench", clock.instant()));
            rules.create(new NewAlertRule("every failure", "JOB_FAILED", null, "embedded", List.of(channel.id()),
                    null, null, null, null).toRule("bench", clock.instant()));
            AlertChannel warmUpChannel = channels.create(new NewAlertChannel("warm-up", "webhook", Map.of("url",
                    warmUp.url()), 6000).toChannel("bench", clock.instant()));
            rules.create(new NewAlertRule("warm-up", "JOB_FAILED", null, WARM_UP_CLUSTER,
                    List.of(warmUpChannel.id()), null, null, null, null).toRule("bench", clock.instant()));
            List<String> ids = runningJobs(jobs, options.jobs(), "embedded", "job");
            List<String> warmUpIds = runningJobs(jobs, options.warmUp(), WARM_UP_CLUSTER, "warm-up");

            DispatchSettings defaults = DispatchSettings.defaults();
            DispatchSettings settings = new DispatchSettings(defaults.pollInterval(),
                    Duration.ofSeconds(options.leaseSeconds()), Duration.ofSeconds(Math.min(10,
                    Math.max(1, options.leaseSeconds() / 3))), defaults.maxAttempts(), defaults.initialBackoff(),
                    defaults.maxBackoff(), defaults.maxAlertsPerMessage(), Duration.ofSeconds(1), Map.of());
            ChannelSenders senders = ChannelSenders.standard(HttpClient.newHttpClient(), settings.requestTimeout(),
                    clock);
            AlertOutbox outbox = new AlertOutbox(database, clock);
            AlertDispatchers first = new AlertDispatchers(database, channels, outbox, senders, settings, clock,
                    "bench-first");
            running.set(first);
            first.start();
            waitUntil(Duration.ofSeconds(30), () -> first.holding().contains(channel.id()));
            // A server that has been running: its code paths warm, through another channel.
            for (String id : warmUpIds) {
                jobs.applyChange(id, StateChange.of(JobState.RUNNING, JobState.FAILED, "watcher", "warm-up"));
            }
            waitUntil(Duration.ofSeconds(60), () -> warmUp.jobCounts().size() == options.warmUp());
            Thread.sleep(1000);

            Thread crash = new Thread(() -> {
                try {
                    webhook.awaitFirst();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                first.crash();
            }, "bench-crash");
            crash.start();
            Instant firstFailure = null;
            for (String id : ids) {
                Optional<ManagedJob> failed = jobs.applyChange(id, StateChange.of(JobState.RUNNING, JobState.FAILED,
                        "watcher", "cluster lost").withError("org.apache.flink.runtime.JobException: cluster lost"));
                if (firstFailure == null) {
                    firstFailure = Instant.now();
                }
                failed.orElseThrow();
            }
            Instant failuresWritten = Instant.now();
            crash.join();
            Instant restarted = Instant.now();
            try (AlertDispatchers second = new AlertDispatchers(database, channels, outbox, senders, settings, clock,
                    "bench-second")) {
                running.set(second);
                second.start();
                waitUntil(Duration.ofMinutes(15), () -> webhook.jobCounts().size() >= options.jobs()
                        && new io.tributary.alert.AlertHistory(database).countsByStatus(channel.id())
                        .get(DeliveryStatus.PENDING) == 0);
            }
            Instant allNamed = webhook.accepted().stream().filter(message -> !message.jobs().isEmpty())
                    .map(ThrottledWebhook.Accepted::at).max(Instant::compareTo).orElseThrow();
            Map<String, Integer> counts = webhook.jobCounts();
            return new Outcome("Tributary (outbox, digest, restart midway)", options.jobs(), counts.size(),
                    options.jobs() - counts.size(), (int) counts.values().stream().filter(n -> n > 1).count(),
                    webhook.accepted().size(), webhook.throttled(), webhook.busiestMinute(),
                    Duration.between(firstFailure, webhook.accepted().get(0).at()),
                    Duration.between(firstFailure, allNamed), Duration.between(firstFailure, failuresWritten),
                    Duration.between(restarted, allNamed));
        }
    }

    /** One POST per failure, at once, nothing kept: what a throttled synchronous sender delivers. */
    private Outcome synchronous(Options options) throws Exception {
        try (ThrottledWebhook webhook = new ThrottledWebhook(options.rate())) {
            HttpClient http = HttpClient.newHttpClient();
            Instant first = Instant.now();
            for (int n = 1; n <= options.jobs(); n++) {
                String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"alert\",\"alerts\":[{\"job\":"
                        + "{\"name\":\"job-" + n + "\"},\"event\":\"JOB_FAILED\"}]}";
                http.send(HttpRequest.newBuilder(URI.create(webhook.url()))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            Instant done = Instant.now();
            Map<String, Integer> counts = webhook.jobCounts();
            return new Outcome("synchronous sender (one message per failure, no retry)", options.jobs(), counts.size(),
                    options.jobs() - counts.size(), 0, webhook.accepted().size(), webhook.throttled(),
                    webhook.busiestMinute(), Duration.between(first, webhook.accepted().get(0).at()),
                    Duration.between(first, done), Duration.between(first, done), Duration.ZERO);
        }
    }

    private static List<String> runningJobs(ManagedJobRepository jobs, int count, String cluster, String prefix) {
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int n = 1; n <= count; n++) {
            ManagedJob job = new ManagedJob(UUID.randomUUID().toString(), String.format("%s-%04d", prefix, n), cluster,
                    JobState.CREATED, 1, Optional.empty(), Optional.empty(), ManagedJob.AutoRestart.OFF, 0,
                    Optional.empty(), "bench", now, now);
            jobs.create(job, new JobVersion(job.id(), 1, "INSERT INTO sink SELECT * FROM source", "default_catalog",
                    "default_database", Map.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                    "bench", now));
            jobs.applyChange(job.id(), StateChange.of(JobState.CREATED, JobState.DEPLOYING, "bench", "deploy"));
            jobs.applyChange(job.id(), StateChange.of(JobState.DEPLOYING, JobState.RUNNING, "bench", "running")
                    .withFlinkJobId(String.format("%032x", n)));
            ids.add(job.id());
        }
        return ids;
    }

    private static Table table(List<Outcome> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            rows.add(List.of(outcome.sender(), Integer.toString(outcome.jobs()), Integer.toString(outcome.named()),
                    Integer.toString(outcome.lost()), Integer.toString(outcome.duplicated()),
                    Integer.toString(outcome.messages()), Integer.toString(outcome.throttled()),
                    Integer.toString(outcome.busiestMinute()), millis(outcome.firstMessage()),
                    millis(outcome.allNamed()), millis(outcome.failuresWritten()),
                    outcome.restartToAllNamed().isZero() ? "-" : millis(outcome.restartToAllNamed())));
        }
        return new Table("Alerts: jobs failing at once, throttled webhook", List.of("sender", "jobs failed",
                "jobs named", "lost", "named twice", "messages accepted", "429s", "most in 60 s",
                "first failure to first message", "first failure to every job named", "failures written in",
                "restart to every job named"), rows);
    }

    private static String millis(Duration duration) {
        return duration.toMillis() + " ms";
    }

    private Path write(Options options, MachineInfo machine, Table table, Instant started) throws Exception {
        Files.createDirectories(workspace.resultsDirectory());
        Path file = workspace.resultsDirectory().resolve("alerts-" + LocalDate.ofInstant(started, ZoneOffset.UTC)
                + ".md");
        String markdown = "# alerts benchmark, " + started.truncatedTo(ChronoUnit.SECONDS) + "\n\n"
                + "Machine: " + machine.cores() + " cores, " + machine.cpuModel() + ", " + machine.javaVersion()
                + "; load average at start " + machine.loadAverage() + ", at end "
                + MachineInfo.currentLoadAverage() + ".\n\n"
                + "Options: `--jobs " + options.jobs() + " --rate " + options.rate() + " --lease-seconds "
                + options.leaseSeconds() + " --warm-up " + options.warmUp() + "`. " + options.jobs()
                + " managed jobs go from RUNNING to FAILED one transaction each (the state change and its alert"
                + " together), as fast as H2 takes them. The webhook (a local HTTP server) accepts " + options.rate()
                + " messages in any 60 s and answers 429 with Retry-After beyond. The Tributary dispatchers are"
                + " stopped abruptly right after the first accepted message (threads interrupted mid-request,"
                + " nothing recorded, the lease kept) and a new set under another name takes the channel over once"
                + " the lease lapses (at most " + options.leaseSeconds() + " s after its last renewal): the restart"
                + " time includes that wait. Before the measured failures, " + options.warmUp() + " jobs of another"
                + " cluster fail to another channel, so that the code paths are warm, as in a server that has been"
                + " running (`--warm-up 0`: none). \"named twice\" counts jobs that appeared in two accepted messages"
                + " (the message in flight at the stop is sent again with its idempotency key).\n\n"
                + new MarkdownTableRenderer().render(table);
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        return file;
    }

    private static void waitUntil(Duration timeout, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not within " + timeout);
            }
            Thread.sleep(20);
        }
    }
}
