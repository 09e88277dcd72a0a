package io.tributary.server.instance;

import io.tributary.instance.ServerInstanceRepository;
import io.tributary.server.flink.EmbeddedFlinkCluster;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class InstanceConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TributaryVersion tributaryVersion() {
        return TributaryVersion.load();
    }

    @Bean(destroyMethod = "close")
    ServerInstanceLifecycle serverInstanceLifecycle(ServerInstanceRepository repository, Clock clock,
            TributaryVersion version, @Value("${server.port}") int managementPort, EmbeddedSqlGateway gateway,
            EmbeddedFlinkCluster cluster) {
        return new ServerInstanceLifecycle(repository, clock, version, managementPort, gateway.port(),
                cluster.restAddress().toString());
    }
}
