package io.tributary.server.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.analysis.TablePath;
import io.tributary.server.error.TributaryException;
import org.junit.jupiter.api.Test;

class TableNamesTest {

    @Test
    void readsOneToThreePartsWithBackTicks() {
        assertThat(TableNames.parse("table", "c.d.t")).isEqualTo(new TablePath("c", "d", "t"));
        assertThat(TableNames.parse("table", "d.t")).isEqualTo(new TablePath("default_catalog", "d", "t"));
        assertThat(TableNames.parse("table", " t ")).isEqualTo(new TablePath("default_catalog", "default_database",
                "t"));
        assertThat(TableNames.parse("table", "`my.catalog`.`db`.`odd``name`"))
                .isEqualTo(new TablePath("my.catalog", "db", "odd`name"));
    }

    @Test
    void refusesWhatIsNoTableName() {
        for (String text : new String[] {"", "a.b.c.d", "a..b", "`unclosed", "a."}) {
            assertThatThrownBy(() -> TableNames.parse("table", text)).isInstanceOf(TributaryException.class)
                    .hasMessageContaining("table must be a table name");
        }
    }
}
