package io.tributary.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OptionArgumentsTest {

    private static final Set<String> KNOWN = Set.of("--iterations", "--user");

    @Test
    void separateAndAttachedValuesInTheirOrderTheLastOneWinning() {
        assertThat(OptionArguments.parse(List.of("--user", "postgres", "--iterations=5", "--iterations", "7"), KNOWN))
                .containsExactly(Map.entry("--user", "postgres"), Map.entry("--iterations", "7"));
    }

    @Test
    void anUnknownNameIsRejectedBeforeItsValueIsLookedAt() {
        assertThatThrownBy(() -> OptionArguments.parse(List.of("--rounds", "many"), KNOWN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown option --rounds");
    }

    @Test
    void numbersAndRanges() {
        assertThat(OptionArguments.wholeNumber("--iterations", "12")).isEqualTo(12);
        assertThatThrownBy(() -> OptionArguments.wholeNumber("--iterations", "1.5"))
                .hasMessage("option --iterations needs a whole number, not '1.5'");
        assertThatThrownBy(() -> OptionArguments.requireRange("--iterations", 0, 1, 10))
                .hasMessage("option --iterations must be between 1 and 10: 0");
    }
}
