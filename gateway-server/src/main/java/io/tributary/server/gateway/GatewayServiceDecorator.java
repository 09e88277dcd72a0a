package io.tributary.server.gateway;

import org.apache.flink.table.gateway.api.SqlGatewayService;

/**
 * Wraps Flink's {@link SqlGatewayService} of the embedded gateway, so that what it adds applies to every door: Flink's
 * REST protocol (sql-client, Flink's JDBC driver) and the server's own sessions alike. Decorators apply in the order
 * given, the first one innermost; credentials in errors are masked outside all of them.
 */
@FunctionalInterface
public interface GatewayServiceDecorator {

    SqlGatewayService decorate(SqlGatewayService service, GatewaySessions sessions);
}
