package io.tributary.server.result.channel;

import io.tributary.server.flink.EmbeddedFlinkCluster;
import io.tributary.server.gateway.GatewayServiceDecorator;
import java.io.IOException;
import java.net.InetAddress;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Result channels for queries on the embedded cluster (on unless {@code tributary.gateway.result-channels=false},
 * which leaves every query on Flink's collect path). The decorator is the innermost one, so that what the other
 * decorators add (statement history, timeouts, masking) applies to its operations as to any other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "tributary.gateway.result-channels", havingValue = "true", matchIfMissing = true)
class ResultChannelsConfiguration {

    @Bean(destroyMethod = "close")
    ResultChannels resultChannels(EmbeddedFlinkCluster cluster) throws IOException {
        return new ResultChannels(InetAddress.getByName(cluster.address()));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    GatewayServiceDecorator resultChannelQueries(ResultChannels channels, EmbeddedFlinkCluster cluster) {
        return (service, sessions) -> new ChannelQueryService(service, sessions, channels, cluster.address(),
                cluster.port());
    }
}
