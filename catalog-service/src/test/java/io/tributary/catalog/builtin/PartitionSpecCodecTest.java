package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.catalog.CatalogPartitionSpec;
import org.junit.jupiter.api.Test;

class PartitionSpecCodecTest {

    @Test
    void theTextIsCanonicalAndReadsBackIntoTheSameSpec() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("dt", "2026-11-24");
        forward.put("hour", "07");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("hour", "07");
        backward.put("dt", "2026-11-24");

        String text = PartitionSpecCodec.encode(new CatalogPartitionSpec(forward));
        assertThat(text).isEqualTo("dt=2026-11-24/hour=07");
        assertThat(PartitionSpecCodec.encode(new CatalogPartitionSpec(backward))).isEqualTo(text);
        assertThat(PartitionSpecCodec.decode(text)).isEqualTo(new CatalogPartitionSpec(forward));
        assertThat(PartitionSpecCodec.hash(text)).hasSize(64).isEqualTo(PartitionSpecCodec.hash(text));
    }

    @Test
    void escapesWhatWouldBeAmbiguous() {
        Map<String, String> awkward = new HashMap<>();
        awkward.put("a=b", "c/d");
        awkward.put("p%", "%2F=%3D");
        awkward.put("empty", "");
        awkward.put("unknown", null);
        CatalogPartitionSpec spec = new CatalogPartitionSpec(awkward);

        String text = PartitionSpecCodec.encode(spec);
        assertThat(text).isEqualTo("a%3Db=c%2Fd/empty=/p%25=%252F%3D%253D/unknown");
        assertThat(PartitionSpecCodec.decode(text)).isEqualTo(spec);
        assertThat(PartitionSpecCodec.encode(new CatalogPartitionSpec(Map.of("a", "b=c"))))
                .isNotEqualTo(PartitionSpecCodec.encode(new CatalogPartitionSpec(Map.of("a=b", "c"))));
        assertThat(PartitionSpecCodec.decode("")).isEqualTo(new CatalogPartitionSpec(Map.of()));
    }
}
