package io.tributary.jdbc.statement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLiteralsTest {

    @Test
    void aQuoteInAValueCannotEndTheLiteral() throws Exception {
        assertThat(SqlLiterals.render("x' OR '1'='1", Types.VARCHAR)).isEqualTo("'x'' OR ''1''=''1'");
        assertThat(SqlLiterals.render("a\\'; DROP TABLE t; --", Types.VARCHAR))
                .isEqualTo("'a\\''; DROP TABLE t; --'");
    }

    @Test
    void valuesBecomeTypedLiterals() throws Exception {
        assertThat(SqlLiterals.render(42L, Types.BIGINT)).isEqualTo("CAST(42 AS BIGINT)");
        assertThat(SqlLiterals.render(new BigDecimal("1.50"), Types.DECIMAL))
                .isEqualTo("CAST('1.50' AS DECIMAL(3, 2))");
        assertThat(SqlLiterals.render(LocalDate.of(2024, 1, 2), Types.DATE)).isEqualTo("DATE '2024-01-02'");
        assertThat(SqlLiterals.render(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 600_000_000), Types.TIMESTAMP))
                .isEqualTo("TIMESTAMP '2024-01-02 03:04:05.6'");
        assertThat(SqlLiterals.render(LocalDateTime.of(2024, 1, 3, 0, 0), Types.TIMESTAMP))
                .isEqualTo("TIMESTAMP '2024-01-03 00:00:00'");
        assertThat(SqlLiterals.render(java.time.LocalTime.of(9, 30), Types.TIME)).isEqualTo("TIME '09:30:00'");
        assertThat(SqlLiterals.render(new byte[] {1, (byte) 0xff}, Types.VARBINARY)).isEqualTo("X'01ff'");
        assertThat(SqlLiterals.render(null, Types.INTEGER)).isEqualTo("CAST(NULL AS INT)");
        assertThat(SqlLiterals.render("7", Types.INTEGER)).isEqualTo("CAST('7' AS INT)");
        assertThat(SqlLiterals.render(List.of(1, 2), Types.OTHER)).isEqualTo("ARRAY[1, 2]");
    }

    @Test
    void placeholdersInsideLiteralsIdentifiersAndCommentsAreNotParameters() {
        ParameterSlots slots = ParameterSlots.of("SELECT '?', `a?`, ? -- ?\n FROM t /* ? */ WHERE x = ?");
        assertThat(slots.count()).isEqualTo(2);
        assertThat(slots.render(List.of("1", "'b'")))
                .isEqualTo("SELECT '?', `a?`, 1 -- ?\n FROM t /* ? */ WHERE x = 'b'");
    }

    @Test
    void aSimpleQueryNamesItsTable() {
        assertThat(SourceTable.of("SELECT a, b FROM cat.db.`my t` WHERE a > 1", "c", "d"))
                .containsExactly("cat", "db", "my t");
        assertThat(SourceTable.of("select * from orders o order by 1", "c", "d")).containsExactly("c", "d", "orders");
        assertThat(SourceTable.of("SELECT * FROM a JOIN b ON a.x = b.x", "c", "d")).isNull();
        assertThat(SourceTable.of("SELECT * FROM (SELECT 1) t", "c", "d")).isNull();
    }
}
