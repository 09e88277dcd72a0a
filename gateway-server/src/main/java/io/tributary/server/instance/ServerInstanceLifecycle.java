package io.tributary.server.instance;

import static java.util.Objects.requireNonNull;

import io.tributary.instance.ServerInstance;
import io.tributary.instance.ServerInstanceRepository;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records this server's start in the metadata database, and its clean stop. */
public final class ServerInstanceLifecycle implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServerInstanceLifecycle.class);

    private final ServerInstanceRepository repository;
    private final Clock clock;
    private final ServerInstance current;

    public ServerInstanceLifecycle(ServerInstanceRepository repository, Clock clock, TributaryVersion version,
            int managementPort, int gatewayPort, String flinkRestUrl) {
        this.repository = requireNonNull(repository, "repository is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.current = new ServerInstance(UUID.randomUUID().toString(), hostName(), version.version(),
                managementPort, gatewayPort, flinkRestUrl, clock.instant(), Optional.empty());
        repository.insert(current);
        LOG.info("Server instance {} registered in the metadata database", current.id());
    }

    public ServerInstance current() {
        return current;
    }

    @Override
    public void close() {
        repository.markStopped(current.id(), clock.instant());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
