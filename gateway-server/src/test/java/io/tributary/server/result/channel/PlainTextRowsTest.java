package io.tributary.server.result.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.RowType;
import org.junit.jupiter.api.Test;

/** Values Flink's own converter writes in its own way: intervals, local-zone timestamps, nested nulls. */
class PlainTextRowsTest {

    @Test
    void intervalsLocalZoneTimestampsAndNestedNullsReadAsFlinkWritesThem() {
        RowType type = (RowType) DataTypes.ROW(
                DataTypes.FIELD("ym", DataTypes.INTERVAL(DataTypes.YEAR(), DataTypes.MONTH())),
                DataTypes.FIELD("dt", DataTypes.INTERVAL(DataTypes.DAY(), DataTypes.SECOND(3))),
                DataTypes.FIELD("ltz", DataTypes.TIMESTAMP_LTZ(3)),
                DataTypes.FIELD("nested", DataTypes.ROW(DataTypes.FIELD("a", DataTypes.INT()),
                        DataTypes.FIELD("b", DataTypes.STRING()))),
                DataTypes.FIELD("missing", DataTypes.STRING())).getLogicalType();
        PlainTextRows text = new PlainTextRows(type, ZoneId.of("Asia/Tokyo"));
        GenericRowData row = GenericRowData.of(14, -90_061_001L,
                TimestampData.fromInstant(Instant.parse("2024-01-02T10:11:12.500Z")), GenericRowData.of(1, null),
                null);
        assertThat(text.convert(row)).containsExactly("+1-02", "-1 01:01:01.001", "2024-01-02 19:11:12.500",
                "(1, NULL)", null);
    }
}
