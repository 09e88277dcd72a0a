package io.tributary.benchmarks.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A started child process: when it started, where its output goes, and how to stop it. */
public final class ChildProcess {

    private final String name;
    private final Process process;
    private final long startedNanos;
    private final Path logFile;

    ChildProcess(String name, Process process, long startedNanos, Path logFile) {
        this.name = requireNonNull(name, "name is null");
        this.process = requireNonNull(process, "process is null");
        this.startedNanos = startedNanos;
        this.logFile = requireNonNull(logFile, "logFile is null");
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** {@link System#nanoTime()} just before the process was launched. */
    public long startedNanos() {
        return startedNanos;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process: SIGTERM, and SIGKILL when it has not ended after {@code grace}. Idempotent. */
    public void stop(Duration grace) {
        requireNonNull(grace, "grace is null");
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of its output, to explain a failure. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
