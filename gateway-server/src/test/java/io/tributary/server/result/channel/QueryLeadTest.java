package io.tributary.server.result.channel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QueryLeadTest {

    @Test
    void queriesPassWhateverPrecedesTheirFirstWord() {
        assertThat(QueryLead.mayBeQuery("SELECT 1")).isTrue();
        assertThat(QueryLead.mayBeQuery("  select * from t")).isTrue();
        assertThat(QueryLead.mayBeQuery("-- the orders\n/* all of them */ (SELECT 1) UNION (SELECT 2)")).isTrue();
        assertThat(QueryLead.mayBeQuery("WITH a AS (SELECT 1) SELECT * FROM a")).isTrue();
        assertThat(QueryLead.mayBeQuery("values (1), (2)")).isTrue();
    }

    @Test
    void everythingElseGoesStraightToFlink() {
        assertThat(QueryLead.mayBeQuery("INSERT INTO t SELECT 1")).isFalse();
        assertThat(QueryLead.mayBeQuery("SET 'a' = 'b'")).isFalse();
        assertThat(QueryLead.mayBeQuery("EXPLAIN SELECT 1")).isFalse();
        assertThat(QueryLead.mayBeQuery("SHOW TABLES")).isFalse();
        assertThat(QueryLead.mayBeQuery("SELECTED")).isFalse();
        assertThat(QueryLead.mayBeQuery("-- only a comment")).isFalse();
        assertThat(QueryLead.mayBeQuery("")).isFalse();
    }
}
