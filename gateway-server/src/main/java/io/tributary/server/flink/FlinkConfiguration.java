package io.tributary.server.flink;

import io.tributary.catalog.secret.SecretOptionPolicy;
import io.tributary.catalog.secret.SecretRedactor;
import io.tributary.server.config.TributaryProperties;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import io.tributary.server.gateway.GatewayServiceDecorator;
import io.tributary.server.gateway.ServerSessionOptions;
import io.tributary.server.startup.PortPreflight;
import io.tributary.server.startup.PortPreflight.Listener;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded Flink cluster and the SQL Gateway on it, started in that order and stopped in reverse. */
@Configuration(proxyBeanMethods = false)
public class FlinkConfiguration {

    @Bean
    PortPreflight portPreflight(TributaryProperties properties,
            @Value("${server.address:127.0.0.1}") String managementAddress,
            @Value("${server.port:8080}") int managementPort) {
        PortPreflight preflight = new PortPreflight(List.of(
                new Listener("server.port (TRIBUTARY_PORT)", managementAddress, managementPort),
                new Listener("tributary.gateway.port (TRIBUTARY_GATEWAY_PORT)",
                        properties.gateway().address(), properties.gateway().port()),
                new Listener("tributary.flink.port (TRIBUTARY_FLINK_PORT)",
                        properties.flink().address(), properties.flink().port())));
        preflight.check();
        return preflight;
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    EmbeddedFlinkCluster embeddedFlinkCluster(TributaryProperties properties, PortPreflight portsChecked) {
        return new EmbeddedFlinkCluster(properties.flink());
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
