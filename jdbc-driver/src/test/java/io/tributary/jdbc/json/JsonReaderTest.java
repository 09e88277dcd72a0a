package io.tributary.jdbc.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsTheGatewaysResultPage() {
        Object page = JsonReader.parse("{\"resultType\":\"PAYLOAD\",\"results\":{\"data\":[{\"kind\":\"INSERT\","
                + "\"fields\":[1,1.50,\"a\\\"b\\u00e9\",true,null,[1,2],{\"k\":-3e2}]}]},\"nextResultUri\":null}");

        Map<?, ?> results = (Map<?, ?>) ((Map<?, ?>) page).get("results");
        List<Object> fields = new java.util.ArrayList<>((List<?>) ((Map<?, ?>) ((List<?>) results.get("data")).get(0)).get("fields"));
        assertThat(fields).containsExactly(1L, new BigDecimal("1.50"), "a\"bé", true, null, List.of(1L, 2L),
                Map.of("k", new BigDecimal("-3e2")));
        assertThat(((Map<?, ?>) page).get("nextResultUri")).isNull();
    }

    @Test
    void keepsEveryDigitOfLargeNumbers() {
        assertThat(JsonReader.parse("12345678901234567890")).isEqualTo(new BigInteger("12345678901234567890"));
        assertThat(JsonReader.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(JsonReader.parse("0.1000000000000000000000001"))
                .isEqualTo(new BigDecimal("0.1000000000000000000000001"));
    }

    @Test
    void namesWhereTheTextIsMalformed() {
        assertThatThrownBy(() -> JsonReader.parse("{\"a\":[1,}")).isInstanceOf(JsonException.class)
                .hasMessageContaining("offset 8");
        assertThatThrownBy(() -> JsonReader.parse("[1] 2")).hasMessageContaining("unexpected text after the value");
    }

    @Test
    void writesWhatItReads() {
        String json = JsonWriter.write(Map.of("statement", "SELECT 'a\"\n'"));
        assertThat(JsonReader.parse(json)).isEqualTo(Map.of("statement", "SELECT 'a\"\n'"));
    }
}
