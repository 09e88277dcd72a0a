package io.tributary.benchmarks.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class TableListingTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anArrayOfTablesIsCounted() throws Exception {
        String body = "[{\"name\":\"public.t_001\",\"kind\":\"TABLE\",\"comment\":null},"
                + "{\"name\":\"public.t_002\",\"kind\":\"TABLE\",\"comment\":\"\"}]";

        TableListing listing = TableListing.of(new JsonAnswer("GET /t", 200, json.readTree(body), body));

        assertThat(listing.available()).isTrue();
        assertThat(listing.tables()).hasValue(2);
    }

    @Test
    void notFoundMeansNotAvailableWithTheServersWords() throws Exception {
        String body = "{\"code\":\"NOT_FOUND\",\"message\":\"no such resource: /api/v1/catalogs/c/databases/d/tables\"}";

        TableListing listing = TableListing.of(new JsonAnswer("GET /t", 404, json.readTree(body), body));

        assertThat(listing.available()).isFalse();
        assertThat(listing.detail())
                .isEqualTo("HTTP 404: NOT_FOUND: no such resource: /api/v1/catalogs/c/databases/d/tables");
    }

    @Test
    void anyOtherErrorOrShapeFails() throws Exception {
        String error = "{\"code\":\"EXTERNAL_UNAVAILABLE\",\"message\":\"PostgreSQL is down\"}";
        assertThatThrownBy(() -> TableListing.of(new JsonAnswer("GET /t", 502, json.readTree(error), error)))
                .isInstanceOf(RestRequestException.class).hasMessageContaining("PostgreSQL is down");
        assertThatThrownBy(() -> TableListing.of(new JsonAnswer("GET /t", 200, json.readTree("{}"), "{}")))
                .isInstanceOf(RestRequestException.class).hasMessageContaining("expected a JSON array");
    }
}
