package io.tributary.catalog.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataBase;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataBinary;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataBoolean;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataDate;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataDouble;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataLong;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataString;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;
import org.apache.flink.table.catalog.stats.Date;
import org.junit.jupiter.api.Test;

class StatisticsCodecTest {

    @Test
    void tableStatisticsRoundTrip() {
        CatalogTableStatistics statistics = new CatalogTableStatistics(-1, 0, 1L << 40, 7, Map.of("k", "v"));
        Map<String, String> properties = StatisticsCodec.encodeTable(statistics);
        assertThat(properties).containsEntry("row-count", "-1").containsEntry("property.k", "v");
        assertThat(StatisticsCodec.decodeTable(properties)).isEqualTo(statistics);
        assertThat(StatisticsCodec.decodeTable(Map.of())).isSameAs(CatalogTableStatistics.UNKNOWN);
    }

    @Test
    void everyKindOfColumnStatisticsRoundTripsWithUnknownFigures() {
        Map<String, CatalogColumnStatisticsDataBase> columns = new LinkedHashMap<>();
        columns.put("flag", new CatalogColumnStatisticsDataBoolean(3L, null, 1L, Map.of("x", "y")));
        columns.put("count", new CatalogColumnStatisticsDataLong(-5L, Long.MAX_VALUE, null, 0L));
        columns.put("ratio", new CatalogColumnStatisticsDataDouble(0.1, 1e300, 12L, null));
        columns.put("name.with.dots", new CatalogColumnStatisticsDataString(255L, 3.25, 99L, 2L));
        columns.put("payload", new CatalogColumnStatisticsDataBinary(1024L, 512.5, 0L));
        columns.put("day", new CatalogColumnStatisticsDataDate(new Date(-3), new Date(20_000), 365L, 0L));
        CatalogColumnStatistics statistics = new CatalogColumnStatistics(columns, Map.of("analysed-by", "test"));

        CatalogColumnStatistics decoded = StatisticsCodec.decodeColumns(StatisticsCodec.encodeColumns(statistics));

        assertThat(decoded).isEqualTo(statistics);
        assertThat(decoded.getColumnStatisticsData()).containsOnlyKeys(columns.keySet());
        assertThat(decoded.getColumnStatisticsData().get("flag").getProperties()).isEqualTo(Map.of("x", "y"));
        assertThat(((CatalogColumnStatisticsDataBoolean) decoded.getColumnStatisticsData().get("flag"))
                .getFalseCount()).isNull();
        assertThat(decoded.getProperties()).isEqualTo(Map.of("analysed-by", "test"));
        assertThat(StatisticsCodec.decodeColumns(Map.of())).isSameAs(CatalogColumnStatistics.UNKNOWN);
    }
}
