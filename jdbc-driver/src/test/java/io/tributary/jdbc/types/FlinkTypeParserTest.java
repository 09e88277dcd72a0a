package io.tributary.jdbc.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import org.junit.jupiter.api.Test;

class FlinkTypeParserTest {

    @Test
    void readsTheTypesDescribeAndTheManagementApiPrint() {
        assertThat(FlinkTypeParser.parse("DECIMAL(10, 2) NOT NULL"))
                .isEqualTo(FlinkType.precise(TypeRoot.DECIMAL, false, 10, 2));
        assertThat(FlinkTypeParser.parse("[INT NOT NULL]")).isEqualTo(FlinkType.of(TypeRoot.INTEGER, false));
        assertThat(FlinkTypeParser.parse("STRING")).isEqualTo(FlinkType.string());
        assertThat(FlinkTypeParser.parse("TIMESTAMP(3) *ROWTIME*"))
                .isEqualTo(FlinkType.precise(TypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, true, 3, 0));
        assertThat(FlinkTypeParser.parse("TIMESTAMP_LTZ(3) *PROCTIME* NOT NULL").root())
                .isEqualTo(TypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE);
        assertThat(FlinkTypeParser.parse("TIMESTAMP(6) WITH LOCAL TIME ZONE").precision()).isEqualTo(6);
        assertThat(FlinkTypeParser.parse("BYTES").length()).isEqualTo(FlinkType.MAX_LENGTH);
        assertThat(FlinkTypeParser.parse("INTERVAL DAY(2) TO SECOND(3)").root())
                .isEqualTo(TypeRoot.INTERVAL_DAY_TIME);
    }

    @Test
    void readsNestedTypes() {
        FlinkType map = FlinkTypeParser.parse("MAP<STRING, ARRAY<INT NOT NULL>>");
        assertThat(map.sqlName()).isEqualTo("MAP<STRING, ARRAY<INT NOT NULL>>");
        FlinkType row = FlinkTypeParser.parse("ROW<`a` INT, `b c` STRING 'a comment'>");
        assertThat(row.fieldNames()).containsExactly("a", "b c");
        assertThat(row.jdbcType()).isEqualTo(Types.STRUCT);
    }

    @Test
    void anUnknownTypeIsUnresolvedNotAnError() {
        assertThat(FlinkTypeParser.parse("GEOMETRY(POINT)").root()).isEqualTo(TypeRoot.UNRESOLVED);
        assertThat(FlinkTypeParser.parse(null).jdbcType()).isEqualTo(Types.OTHER);
    }

    @Test
    void everyRootHasTheJdbcTypeTheReadmeDocuments() {
        assertThat(FlinkType.of(TypeRoot.FLOAT, true).jdbcType()).isEqualTo(Types.REAL);
        assertThat(FlinkType.of(TypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, true).jdbcType())
                .isEqualTo(Types.TIMESTAMP_WITH_TIMEZONE);
        assertThat(FlinkType.of(TypeRoot.MAP, true).jdbcType()).isEqualTo(Types.JAVA_OBJECT);
        assertThat(FlinkType.of(TypeRoot.ARRAY, true).jdbcType()).isEqualTo(Types.ARRAY);
        assertThat(FlinkType.precise(TypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, true, 3, 0).columnSize()).isEqualTo(23);
    }
}
