package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.process.ChildProcesses;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Launches a server and waits for its first answered query: a session opened on its gateway and {@code SELECT 1}
 * returning its row, timed from the moment the process was launched. While the gateway does not listen yet it
 * tries again every {@code retryInterval}. When the process exits during start-up (another program took one
 * of its ports in the meantime), it launches a fresh one, at most {@link #MAX_LAUNCHES} times.
 */
public final class ServerStarter {

    static final int MAX_LAUNCHES = 3;
    private static final String FIRST_QUERY = "SELECT 1";
    private static final int LOG_LINES = 40;

    private final SqlGatewayClient client;
    private final TimedQueryRunner runner;
    private final Duration timeout;
    private final Duration retryInterval;

    public ServerStarter(SqlGatewayClient client, TimedQueryRunner runner, Duration timeout, Duration retryInterval) {
        this.client = requireNonNull(client, "client is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
        this.retryInterval = requireNonNull(retryInterval, "retryInterval is null");
    }

    public StartedServer start(GatewayServerLauncher launcher) throws IOException, InterruptedException {
        requireNonNull(launcher, "launcher is null");
        ServerStartFailure last = null;
        for (int launch = 1; launch <= MAX_LAUNCHES; launch++) {
            GatewayServer server = launcher.launch();
            try {
                return new StartedServer(server, awaitFirstAnsweredQuery(server));
            } catch (ServerStartFailure failure) {
                server.process().stop(ChildProcesses.STOP_GRACE);
                if (!failure.exited()) {
                    throw failure;
                }
                last = failure;
            } catch (IOException | InterruptedException | RuntimeException e) {
                server.process().stop(ChildProcesses.STOP_GRACE);
                throw e;
            }
        }
        throw last;
    }

    private Duration awaitFirstAnsweredQuery(GatewayServer server) throws IOException, InterruptedException {
        long started = server.process().startedNanos();
        long deadline = started + timeout.toNanos();
        IOException lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                throw new ServerStartFailure(server.name() + " exited during start-up; its last output:\n"
                        + server.process().logTail(LOG_LINES), true, lastFailure);
            }
            GatewaySession session;
            try {
                session = client.openSession(server.endpoint());
            } catch (IOException notListeningYet) {
                lastFailure = notListeningYet;
                TimeUnit.NANOSECONDS.sleep(retryInterval.toNanos());
                continue;
            }
            try {
                runner.time(session, FIRST_QUERY);
                return Duration.ofNanos(System.nanoTime() - started);
            } finally {
                session.close();
            }
        }
        throw new ServerStartFailure(server.name() + " did not answer " + FIRST_QUERY + " within "
                + timeout.toSeconds() + " s; its last output:\n" + server.process().logTail(LOG_LINES), false,
                lastFailure);
    }
}
