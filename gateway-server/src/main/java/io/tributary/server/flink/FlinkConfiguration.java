package io.tributary.server.flink;

import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.secret.SecretRedactor;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import io.tributary.server.gateway.GatewayServiceDecorator;
import io.tributary.server.gateway.ServerSessionOptions;
import io.tributary.server.startup.PortPreflight;
import io.tributary.server.startup.PortPreflight.Listener;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded Flink cluster and the SQL Gateway on it, started in that order and stopped in reverse. */
@Configuration(proxyBeanMethods = false)
public class FlinkConfiguration {

    /**
     * Checks the ports before anything listens; the embedded cluster's port only when the cluster was not started
     * early ({@link EarlyClusterStart} checked it, and the cluster listens there now).
     */
    @Bean
    PortPreflight portPreflight(TributaryProperties properties, ObjectProvider<EarlyStartedCluster> early,
            @Value("${server.address:127.0.0.1}") String managementAddress,
            @Value("${server.port:8080}") int managementPort) {
        List<Listener> listeners = new ArrayList<>(List.of(
                new Listener("server.port (TRIBUTARY_PORT)", managementAddress, managementPort),
                new Listener("tributary.gateway.port (TRIBUTARY_GATEWAY_PORT)",
                        properties.gateway().address(), properties.gateway().port())));
        if (earlyCluster(early, properties).isEmpty()) {
            listeners.add(new Listener("tributary.flink.port (TRIBUTARY_FLINK_PORT)",
                    properties.flink().address(), properties.flink().port()));
        }
        PortPreflight preflight = new PortPreflight(listeners);
        preflight.check();
        return preflight;
    }

    /** The cluster started early when its settings are the ones bound now; otherwise a new one, started here. */
    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedFlinkCluster embeddedFlinkCluster(TributaryProperties properties, ObjectProvider<EarlyStartedCluster> early,
            PortPreflight portsChecked) {
        return earlyCluster(early, properties).orElseGet(() -> new EmbeddedFlinkCluster(properties.flink()));
    }

    /** The early cluster if its settings are the ones bound now; one started with other settings is stopped. */
    private static Optional<EmbeddedFlinkCluster> earlyCluster(ObjectProvider<EarlyStartedCluster> early,
            TributaryProperties properties) {
        EarlyStartedCluster started = early.getIfAvailable();
        if (started == null) {
            return Optional.empty();
        }
        Optional<EmbeddedFlinkCluster> same = started.startedWith(properties.flink());
        if (same.isEmpty()) {
            started.cluster().close();
        }
        return same;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedSqlGateway embeddedSqlGateway(TributaryProperties properties, EmbeddedFlinkCluster cluster,
            List<ServerSessionOptions> serverOptions, SecretOptionPolicy secrets,
            ObjectProvider<GatewayServiceDecorator> decorators) {
        return new EmbeddedSqlGateway(properties.gateway(), cluster, serverOptions, new SecretRedactor(secrets),
                decorators.orderedStream().toList());
    }

    @Bean("flinkCluster")
    FlinkClusterHealthIndicator flinkClusterHealthIndicator(EmbeddedFlinkCluster cluster) {
        return new FlinkClusterHealthIndicator(cluster);
    }
}
