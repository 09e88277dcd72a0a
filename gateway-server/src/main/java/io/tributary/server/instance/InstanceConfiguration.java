package io.tributary.server.instance;

import io.tributary.instance.ServerInstanceRepository;
import io.tributary.server.flink.EmbeddedFlinkCluster;
import io.tributary.server.gateway.EmbeddedSqlGateway;
import io.tributary.server.gateway.ServerSessionOptions;
import java.time.Clock;
import java.util.Map;
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

    /**
     * Every gateway session carries the management API's address, so that a client that only knows the gateway
     * port (our JDBC driver) learns from its session where the faster metadata API is.
     */
    @Bean
    ServerSessionOptions managementUrlSessionOption(@Value("${server.address:127.0.0.1}") String address,
            @Value("${server.port}") int port) {
        return new ServerSessionOptions("management API", Map.of(MANAGEMENT_URL_OPTION,
                "http://" + address + ":" + port));
    }

    /** The session option that names the management API's address. */
    public static final String MANAGEMENT_URL_OPTION = "tributary.management-url";

    @Bean(destroyMethod = "close")
    ServerInstanceLifecycle serverInstanceLifecycle(ServerInstanceRepository repository, Clock clock,
            TributaryVersion version, @Value("${server.port}") int managementPort, EmbeddedSqlGateway gateway,
            EmbeddedFlinkCluster cluster) {
        return new ServerInstanceLifecycle(repository, clock, version, managementPort, gateway.port(),
                cluster.restAddress().toString());
    }
}
