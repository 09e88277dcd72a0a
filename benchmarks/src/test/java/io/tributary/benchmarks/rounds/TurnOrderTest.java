package io.tributary.benchmarks.rounds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TurnOrderTest {

    @Test
    void theFirstContenderAlternatesFromRoundToRound() {
        List<String> contenders = List.of("tributary", "stock");

        assertThat(TurnOrder.forRound(contenders, 0)).containsExactly("tributary", "stock");
        assertThat(TurnOrder.forRound(contenders, 1)).containsExactly("stock", "tributary");
        assertThat(TurnOrder.forRound(contenders, 2)).containsExactly("tributary", "stock");
    }

    @Test
    void threeContendersEachTakeEveryPlaceInTurn() {
        List<String> contenders = List.of("a", "b", "c");

        assertThat(TurnOrder.forRound(contenders, 0)).containsExactly("a", "b", "c");
        assertThat(TurnOrder.forRound(contenders, 1)).containsExactly("b", "c", "a");
        assertThat(TurnOrder.forRound(contenders, 2)).containsExactly("c", "a", "b");
        assertThat(TurnOrder.forRound(contenders, 3)).containsExactly("a", "b", "c");
    }
}
