package io.tributary.benchmarks.gateway;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order in which the contenders take their turn in one round: as given in even rounds, reversed in odd ones,
 * so that neither always goes first (a warmer cache, a quieter machine) and noise hits both alike.
 */
final class TurnOrder {

    private TurnOrder() {}

    static <T> List<T> forRound(List<T> contenders, int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round is negative: " + round);
        }
        List<T> order = new ArrayList<>(contenders);
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return List.copyOf(order);
    }
}
