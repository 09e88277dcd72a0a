package io.tributary.benchmarks.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts child processes and stops every one still running on {@link #close()}, which the benchmark calls in a
 * finally block and from a shutdown hook, so that no server outlives a benchmark.
 */
public final class ChildProcesses implements AutoCloseable {

    /** Long enough for a graceful shutdown of the server (Spring's phase timeout is 20 s). */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final List<ChildProcess> started = new ArrayList<>();
    private boolean closed;

    public synchronized ChildProcess start(ChildProcessSpec spec) throws IOException {
        requireNonNull(spec, "spec is null");
        if (closed) {
            throw new IllegalStateException("no process can start: the benchmark is stopping");
        }
        Files.createDirectories(spec.logFile().getParent());
        ProcessBuilder builder = new ProcessBuilder(spec.command())
                .directory(spec.workingDirectory().toFile())
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(spec.logFile().toFile()));
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(key -> !spec.removedEnvironmentPrefix().isEmpty()
                && key.startsWith(spec.removedEnvironmentPrefix()));
        environment.putAll(spec.environment());
        long startedNanos = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        ChildProcess child = new ChildProcess(spec.name(), process, startedNanos, spec.logFile());
        started.add(child);
        return child;
    }

    @Override
    public void close() {
        List<ChildProcess> toStop;
        synchronized (this) {
            closed = true;
            toStop = List.copyOf(started);
        }
        for (ChildProcess child : toStop) {
            child.stop(STOP_GRACE);
        }
    }
}
