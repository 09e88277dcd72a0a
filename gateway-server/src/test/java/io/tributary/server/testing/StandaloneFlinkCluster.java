package io.tributary.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real standalone Flink session cluster on 127.0.0.1: a JobManager JVM and a TaskManager JVM started from the
 * Maven jars on the test class path (there is no Flink distribution on Maven Central), with every address and
 * memory size named in its config.yaml. One per test class; stopped on close. Its processes can be killed
 * (SIGKILL, as a crash), paused (SIGSTOP, as a hang) and started again on the same ports.
 */
public final class StandaloneFlinkCluster implements AutoCloseable {

    private static final Pattern TASK_MANAGERS = Pattern.compile("\"taskmanagers\"\\s*:\\s*(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path directory;
    private final int restPort = FreePorts.next();
    private final int rpcPort = FreePorts.next();
    private final List<Process> processes = new ArrayList<>();
    private Process jobManager;
    private Process taskManager;

    private StandaloneFlinkCluster(Path directory) {
        this.directory = directory;
    }

    public static StandaloneFlinkCluster start(int slots) {
        return start(slots, Map.of());
    }

    /** A cluster with extra Flink options in its config.yaml, e.g. shorter heartbeats. */
    public static StandaloneFlinkCluster start(int slots, Map<String, String> extraConfig) {
        try {
            StandaloneFlinkCluster cluster = new StandaloneFlinkCluster(Files.createTempDirectory("flink-standalone-"));
            cluster.writeConfig(slots, extraConfig);
            cluster.startJobManager();
            cluster.startTaskManager();
            cluster.awaitTaskManager();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills the TaskManager JVM (SIGKILL: no goodbye to the JobManager) and waits until it is gone. */
    public synchronized void killTaskManager() {
        kill(taskManager);
    }

    /** Kills the JobManager JVM (SIGKILL) and waits until it is gone; its REST port stops answering. */
    public synchronized void killJobManager() {
        kill(jobManager);
    }

    /** Stops the JobManager JVM in its tracks (SIGSTOP): its REST port accepts connections and answers nothing. */
    public synchronized void pauseJobManager() {
        signal(jobManager, "STOP");
    }

    /** Lets a paused JobManager JVM run on (SIGCONT). */
    public synchronized void resumeJobManager() {
        signal(jobManager, "CONT");
    }

    /** Starts what was killed, on the same ports and configuration, and waits until a TaskManager registered. */
    public synchronized void restart() {
        try {
            if (jobManager == null || !jobManager.isAlive()) {
                startJobManager();
            }
            if (taskManager == null || !taskManager.isAlive()) {
                startTaskManager();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitTaskManager();
    }

    private void startJobManager() throws IOException {
        jobManager = launch("org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint", "jobmanager",
                "-Xmx512m");
    }

    private void startTaskManager() throws IOException {
        taskManager = launch("org.apache.flink.runtime.taskexecutor.TaskManagerRunner", "taskmanager",
                "-Xmx512m", "-XX:MaxDirectMemorySize=320m");
    }

    private static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("process " + process.pid() + " did not exit after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void signal(Process process, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI restAddress() {
        return URI.create("http://127.0.0.1:" + restPort);
    }

    public Path savepoints() {
        return directory.resolve("savepoints");
    }

    private void writeConfig(int slots, Map<String, String> extraConfig) throws IOException {
        Files.createDirectories(directory.resolve("log"));
        List<String> extra = new ArrayList<>();
        extraConfig.forEach((key, value) -> extra.add(key + ": " + value));
        Files.writeString(directory.resolve("config.yaml"), String.join("\n", extra) + "\n" + String.join("\n",
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: " + rpcPort,
                "jobmanager.bind-host: 127.0.0.1",
                "jobmanager.memory.heap.size: 384m",
                "jobmanager.memory.off-heap.size: 64m",
                "jobmanager.memory.jvm-metaspace.size: 192m",
                "jobmanager.memory.jvm-overhead.min: 128m",
                "jobmanager.memory.jvm-overhead.max: 128m",
                "rest.address: 127.0.0.1",
                "rest.bind-address: 127.0.0.1",
                "rest.port: " + restPort,
                "taskmanager.host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.numberOfTaskSlots: " + slots,
                "taskmanager.cpu.cores: " + slots,
                "taskmanager.memory.framework.heap.size: 128m",
                "taskmanager.memory.task.heap.size: 256m",
                "taskmanager.memory.managed.size: 64m",
                "taskmanager.memory.framework.off-heap.size: 128m",
                "taskmanager.memory.task.off-heap.size: 0m",
                "taskmanager.memory.network.min: 64m",
                "taskmanager.memory.network.max: 64m",
                "taskmanager.memory.jvm-metaspace.size: 192m",
                "taskmanager.memory.jvm-overhead.min: 128m",
                "taskmanager.memory.jvm-overhead.max: 128m",
                "state.savepoints.dir: " + savepoints().toUri(),
                "state.checkpoints.dir: " + directory.resolve("checkpoints").toUri(),
                "web.log.path: " + directory.resolve("log/jobmanager.log"),
                "taskmanager.log.path: " + directory.resolve("log/taskmanager.log"),
                ""));
    }

    private Process launch(String mainClass, String name, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        for (String option : System.getProperty("flink.jvm.options", "").split(" ")) {
            if (!option.isBlank()) {
                command.add(option);
            }
        }
        command.addAll(List.of(jvmOptions));
        command.add("-Dlog.file=" + directory.resolve("log/" + name + ".log"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass,
                "--configDir", directory.toString()));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("log/" + name + ".out").toFile()))
                .start();
        processes.add(process);
        return process;
    }

    private void awaitTaskManager() {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List.of(jobManager, taskManager).forEach(process -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("a Flink process exited with " + process.exitValue()
                            + "; see " + directory.resolve("log"));
                }
            });
            try {
                HttpResponse<String> overview = http.send(HttpRequest.newBuilder(restAddress().resolve("/overview"))
                        .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
                Matcher matcher = TASK_MANAGERS.matcher(overview.body());
                if (overview.statusCode() == 200 && matcher.find() && Integer.parseInt(matcher.group(1)) > 0) {
                    return;
                }
            } catch (IOException notYet) {
                // The JobManager is still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException("the standalone cluster did not register a TaskManager within "
                + START_TIMEOUT + "; see " + directory.resolve("log"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void close() {
        for (Process process : processes) {
            if (process.isAlive()) {
                signal(process, "CONT");
            }
            process.destroy();
        }
        for (Process process : processes) {
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
