package io.tributary.server.gateway;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the SQL Gateway endpoint, asked over its own REST protocol the way a client would
 * (actuator component "sqlGateway").
 */
@Component("sqlGateway")
final class SqlGatewayHealthIndicator extends AbstractHealthIndicator {

    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final EmbeddedSqlGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    SqlGatewayHealthIndicator(EmbeddedSqlGateway gateway) {
        super("The SQL Gateway endpoint does not answer");
        this.gateway = requireNonNull(gateway, "gateway is null");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        URI info = URI.create("http://" + gateway.address() + ":" + gateway.port() + "/v1/info");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(info).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        builder.status(response.statusCode() == 200 ? "UP" : "DOWN")
                .withDetail("endpoint", "http://" + gateway.address() + ":" + gateway.port())
                .withDetail("openSessions", gateway.openSessions())
                .withDetail("plannerWarmedUp", gateway.warmedUp());
        if (response.statusCode() != 200) {
            builder.withDetail("httpStatus", response.statusCode());
        }
    }
}
