package io.tributary.benchmarks.rounds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order in which the contenders take their turn in one round: as given in round 0, rotated by one place each
 * round after (for two contenders: reversed in odd rounds), so that none always goes first or last (a warmer
 * cache, a quieter machine) and noise hits all alike.
 */
public final class TurnOrder {

    private TurnOrder() {}

    public static <T> List<T> forRound(List<T> contenders, int round) {
        if (round < 0) {
            throw new IllegalArgumentException("round is negative: " + round);
        }
        List<T> order = new ArrayList<>(contenders);
        if (!order.isEmpty()) {
            Collections.rotate(order, -(round % order.size()));
        }
        return List.copyOf(order);
    }
}
