package io.tributary.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionSettingsTest {

    @Test
    void readsHostPortCatalogDatabaseAndProperties() throws Exception {
        Properties given = new Properties();
        given.setProperty("user", "ann");
        ConnectionSettings settings = ConnectionSettings.parse(
                "jdbc:tributary://gateway.example:9083/my%20cat/sales?rowKind=true&execution.runtime-mode=batch",
                given);

        assertThat(settings.gatewayUrl()).isEqualTo("http://gateway.example:9083");
        assertThat(settings.get(DriverProperty.CATALOG)).isEqualTo("my cat");
        assertThat(settings.get(DriverProperty.DATABASE)).isEqualTo("sales");
        assertThat(settings.flag(DriverProperty.ROW_KIND)).isTrue();
        assertThat(settings.sessionProperties()).containsEntry("execution.runtime-mode", "batch")
                .containsEntry("tributary.user", "ann").doesNotContainKey("rowKind");
    }

    @Test
    void thePortDefaultsToTheGatewaysAndIpv6HostsWork() throws Exception {
        assertThat(ConnectionSettings.parse("jdbc:tributary://127.0.0.1", null).port()).isEqualTo(8083);
        assertThat(ConnectionSettings.parse("jdbc:tributary://[::1]:9000/c", null).gatewayUrl())
                .isEqualTo("http://[::1]:9000");
    }

    @Test
    void aWrongUrlSaysWhatIsExpected() {
        assertThatThrownBy(() -> ConnectionSettings.parse("jdbc:tributary://h:notaport", null))
                .isInstanceOf(SQLException.class).hasMessageContaining("invalid port 'notaport'")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        assertThat(new TributaryDriver().acceptsURL("jdbc:flink://h:8083")).isFalse();
    }

    @Test
    void theMostSpecificCauseOfAServerErrorIsTheMessage() {
        String server = "Internal server error.\n<Exception on server side:\n"
                + "org.apache.flink.table.gateway.api.utils.SqlGatewayException: Failed to fetchResults.\n"
                + "Caused by: org.apache.flink.table.gateway.service.utils.SqlExecutionException: Failed to execute\n"
                + "Caused by: org.apache.flink.table.api.ValidationException: SQL validation failed. From line 1,"
                + " column 15 to line 1, column 18: Object 'nope' not found\n"
                + "Caused by: org.apache.calcite.sql.validate.SqlValidatorException: Object 'nope' not found\n";

        SQLException error = Errors.fromGateway(server, "op-1");

        assertThat(error.getMessage()).isEqualTo("SQL validation failed. From line 1, column 15 to line 1, column 18:"
                + " Object 'nope' not found [operation op-1]");
        assertThat(error.getSQLState()).isEqualTo("42S02");
        assertThat(error.getErrorCode()).isEqualTo(ErrorCode.OBJECT_NOT_FOUND.vendorCode());
    }
}
