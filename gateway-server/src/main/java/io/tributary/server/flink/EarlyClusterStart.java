package io.tributary.server.flink;

import io.tributary.server.TributaryServer;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.startup.PortPreflight;
import io.tributary.server.startup.PortPreflight.Listener;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts the embedded Flink cluster as soon as its settings are known — before Spring creates any bean — so that
 * its few seconds of start-up overlap the rest of the server's instead of following them. The cluster is handed
 * to the context as an {@link EarlyStartedCluster}, which {@link FlinkConfiguration} uses when the settings it
 * finally binds are the same; anything unusual (settings that do not bind, a port in use) skips the early start,
 * and the regular start-up reports the problem in its one line. Registered in {@code META-INF/spring.factories};
 * acts only for the Tributary server application.
 */
public final class EarlyClusterStart implements ApplicationListener<SpringApplicationEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(EarlyClusterStart.class);
    private static final String SETTINGS = "tributary.flink";

    private EarlyStartedCluster started;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (!event.getSpringApplication().getAllSources().contains(TributaryServer.class)) {
            return;
        }
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            started = start(Binder.get(prepared.getEnvironment())).orElse(null);
        } else if (event instanceof ApplicationPreparedEvent prepared && started != null) {
            prepared.getApplicationContext().getBeanFactory()
                    .registerSingleton(EarlyStartedCluster.BEAN_NAME, started);
        } else if (event instanceof ApplicationFailedEvent && started != null) {
            started.cluster().close();
            started = null;
        }
    }

    private static Optional<EarlyStartedCluster> start(Binder binder) {
        TributaryProperties.Flink settings;
        try {
            settings = binder.bindOrCreate(SETTINGS, TributaryProperties.Flink.class);
            new PortPreflight(List.of(new Listener(SETTINGS, settings.address(), settings.port()))).check();
        } catch (RuntimeException unusual) {
            LOG.debug("The embedded Flink cluster starts with the other beans: {}", unusual.toString());
            return Optional.empty();
        }
        EmbeddedFlinkCluster cluster = new EmbeddedFlinkCluster(settings);
        cluster.start();
        return Optional.of(new EarlyStartedCluster(settings, cluster));
    }
}
