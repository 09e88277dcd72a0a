package io.tributary.benchmarks.clusters;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated Flink session cluster: a small HTTP server on 127.0.0.1 (the JDK's com.sun.net.httpserver) that
 * answers Flink's REST API as a JobManager does for what the watcher asks — {@code GET /jobs/overview} (every job,
 * with Flink's fields), {@code GET /overview} (TaskManagers, slots, job counts, version) and
 * {@code GET /jobs/<id>/exceptions} (asked once per failed job) — from jobs the benchmark sets. One machine cannot
 * hold 1,000 real Flink jobs; the watcher cannot tell these answers from a JobManager's. It counts its requests,
 * can be stopped (connections refused) and started again on the same port.
 */
final class SimulatedFlinkCluster implements AutoCloseable {

    private static final int TASK_MANAGERS = 10;
    private static final int SLOTS_PER_TASK_MANAGER = 12;

    private final Executor executor;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final AtomicLong jobsOverviewRequests = new AtomicLong();
    private final AtomicLong overviewRequests = new AtomicLong();
    private final AtomicLong otherRequests = new AtomicLong();
    private final long startedAtMillis = System.currentTimeMillis() - 3_600_000L;
    private volatile byte[] jobsOverview;
    private volatile byte[] overview;
    private HttpServer server;
    private int port;

    SimulatedFlinkCluster(Executor executor) {
        this.executor = requireNonNull(executor, "executor is null");
        rebuild();
    }

    /** Starts answering, on a free port the first time and on the same port after {@link #stop()}. */
    synchronized SimulatedFlinkCluster start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
        port = server.getAddress().getPort();
        server.setExecutor(executor);
        server.createContext("/", this::answer);
        server.start();
        return this;
    }

    /** Stops answering: new connections are refused, as by a JobManager that died. */
    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    URI restAddress() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void addJob(String flinkJobId, String name, String state) {
        jobs.put(flinkJobId, new Job(name, state, startedAtMillis + jobs.size() * 1000L));
        rebuild();
    }

    /** Changes a job's state in every answer from now on. */
    synchronized void setState(String flinkJobId, String state) {
        Job job = jobs.get(flinkJobId);
        if (job == null) {
            throw new IllegalArgumentException("no job " + flinkJobId);
        }
        jobs.put(flinkJobId, new Job(job.name(), state, job.startMillis()));
        rebuild();
    }

    long jobsOverviewRequests() {
        return jobsOverviewRequests.get();
    }

    long overviewRequests() {
        return overviewRequests.get();
    }

    long otherRequests() {
        return otherRequests.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        byte[] body;
        int status = 200;
        if (path.equals("/jobs/overview")) {
            jobsOverviewRequests.incrementAndGet();
            body = jobsOverview;
        } else if (path.equals("/overview")) {
            overviewRequests.incrementAndGet();
            body = overview;
        } else if (path.startsWith("/jobs/") && path.endsWith("/exceptions")) {
            otherRequests.incrementAndGet();
            body = ("{\"root-exception\":\"java.lang.RuntimeException: simulated failure\\n\\tat Simulated.run\","
                    + "\"timestamp\":" + System.currentTimeMillis() + ",\"truncated\":false,"
                    + "\"exceptionHistory\":{\"entries\":[],\"truncated\":false}}").getBytes(StandardCharsets.UTF_8);
        } else {
            otherRequests.incrementAndGet();
            status = 404;
            body = "{\"errors\":[\"Not found: /\"]}".getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** The answers as a JobManager would give them now, rebuilt when a job changes (not per request). */
    private synchronized void rebuild() {
        long now = System.currentTimeMillis();
        StringBuilder text = new StringBuilder(jobs.size() * 420 + 16).append("{\"jobs\":[");
        int running = 0;
        int finished = 0;
        int canceled = 0;
        int failed = 0;
        boolean first = true;
        for (Map.Entry<String, Job> entry : jobs.entrySet()) {
            Job job = entry.getValue();
            boolean ended = job.state().equals("FINISHED") || job.state().equals("CANCELED")
                    || job.state().equals("FAILED");
            switch (job.state()) {
                case "FINISHED" -> finished++;
                case "CANCELED" -> canceled++;
                case "FAILED" -> failed++;
                default -> running++;
            }
            int runningTasks = job.state().equals("RUNNING") ? 2 : 0;
            text.append(first ? "" : ",")
                    .append("{\"jid\":\"").append(entry.getKey()).append("\",\"name\":\"").append(job.name())
                    .append("\",\"start-time\":").append(job.startMillis())
                    .append(",\"end-time\":").append(ended ? now : -1)
                    .append(",\"duration\":").append(now - job.startMillis())
                    .append(",\"state\":\"").append(job.state()).append("\",\"last-modification\":").append(now)
                    .append(",\"tasks\":{\"running\":").append(runningTasks)
                    .append(",\"canceling\":0,\"canceled\":0,\"total\":2,\"created\":0,\"scheduled\":")
                    .append(2 - runningTasks)
                    .append(",\"deploying\":0,\"reconciling\":0,\"finished\":0,\"initializing\":0,\"failed\":0}}");
            first = false;
        }
        jobsOverview = text.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        int slots = TASK_MANAGERS * SLOTS_PER_TASK_MANAGER;
        overview = ("{\"taskmanagers\":" + TASK_MANAGERS + ",\"slots-total\":" + slots + ",\"slots-available\":"
                + Math.max(0, slots - running) + ",\"jobs-running\":" + running + ",\"jobs-finished\":" + finished
                + ",\"jobs-cancelled\":" + canceled + ",\"jobs-failed\":" + failed
                + ",\"flink-version\":\"1.20.0\",\"flink-commit\":\"b1fe7b4\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        stop();
    }

    private record Job(String name, String state, long startMillis) {}
}
