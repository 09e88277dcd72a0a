package io.tributary.benchmarks.rounds;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs several contenders in rounds, each once per round, in the {@link TurnOrder} of that round, so that load
 * from the rest of the machine hits all of them alike: first {@code warmUpRounds} unmeasured rounds, then
 * {@code rounds} measured ones. Every contender gets a run number that is unique within one call (warm-up
 * included), for naming what a run creates.
 */
public final class InterleavedRuns {

    private static final int PROGRESS_EVERY = 10;

    private final int warmUpRounds;
    private final int rounds;
    private final PrintStream progress;

    public InterleavedRuns(int warmUpRounds, int rounds, PrintStream progress) {
        if (warmUpRounds < 0 || rounds < 1) {
            throw new IllegalArgumentException("warm-up rounds must not be negative and rounds must be positive");
        }
        this.warmUpRounds = warmUpRounds;
        this.rounds = rounds;
        this.progress = requireNonNull(progress, "progress is null");
    }

    /** One thing measured, once per round. */
    public interface Contender<T> {

        String name();

        T runOnce(int run) throws IOException, InterruptedException;
    }

    /** The measured results of every contender, by name, in the order of {@code contenders}. */
    public <T> Map<String, List<T>> run(String what, List<? extends Contender<T>> contenders)
            throws IOException, InterruptedException {
        requireNonNull(what, "what is null");
        requireNonNull(contenders, "contenders is null");
        if (contenders.stream().map(Contender::name).distinct().count() != contenders.size()) {
            throw new IllegalArgumentException("the contenders' names must differ: their results are kept by name");
        }
        int run = 0;
        for (int round = 0; round < warmUpRounds; round++) {
            for (Contender<T> contender : TurnOrder.forRound(contenders, round)) {
                contender.runOnce(run++);
            }
        }
        if (warmUpRounds > 0) {
            progress.printf("  %s: warm-up done (%d rounds)%n", what, warmUpRounds);
        }
        Map<String, List<T>> results = new LinkedHashMap<>();
        contenders.forEach(contender -> results.put(contender.name(), new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Contender<T> contender : TurnOrder.forRound(contenders, warmUpRounds + round)) {
                results.get(contender.name()).add(contender.runOnce(run++));
            }
            if ((round + 1) % PROGRESS_EVERY == 0 || round + 1 == rounds) {
                progress.printf("  %s: measured %d/%d rounds%n", what, round + 1, rounds);
            }
        }
        Map<String, List<T>> measured = new LinkedHashMap<>();
        results.forEach((name, values) -> measured.put(name, List.copyOf(values)));
        return measured;
    }
}
