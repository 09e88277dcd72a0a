package io.tributary.jdbc.meta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void percentAndUnderscoreAreWildcardsUnlessEscaped() {
        assertThat(LikePattern.of("ord%").matches("orders")).isTrue();
        assertThat(LikePattern.of("ord%").matches("Orders")).isFalse();
        assertThat(LikePattern.of("a_c").matches("abc")).isTrue();
        assertThat(LikePattern.of("a\\_c").matches("abc")).isFalse();
        assertThat(LikePattern.of("a\\_c").matches("a_c")).isTrue();
        assertThat(LikePattern.of("a\\%").matches("a%")).isTrue();
        assertThat(LikePattern.of("public.%").matches("public.customers")).isTrue();
        assertThat(LikePattern.of(null).matches("anything")).isTrue();
    }

    @Test
    void aPatternWithoutWildcardsIsAName() {
        assertThat(LikePattern.of("a\\_b").exactName()).isEqualTo("a_b");
        assertThat(LikePattern.of("a_b").exactName()).isNull();
    }
}
