package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;

/**
 * Order statistics of measured durations. Percentiles interpolate linearly between the two nearest ranks
 * (the "R-7" definition of spreadsheets and NumPy), so the median of an even count is the mean of the middle two.
 */
public record DurationSummary(int count, Duration minimum, Duration median, Duration p90, Duration maximum) {

    public DurationSummary {
        requireNonNull(minimum, "minimum is null");
        requireNonNull(median, "median is null");
        requireNonNull(p90, "p90 is null");
        requireNonNull(maximum, "maximum is null");
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive: " + count);
        }
    }

    public static DurationSummary of(List<Duration> samples) {
        requireNonNull(samples, "samples is null");
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        long[] nanos = samples.stream().mapToLong(Duration::toNanos).sorted().toArray();
        return new DurationSummary(nanos.length, Duration.ofNanos(nanos[0]), percentile(nanos, 0.5),
                percentile(nanos, 0.9), Duration.ofNanos(nanos[nanos.length - 1]));
    }

    /** The {@code fraction} percentile (0 to 1) of sorted values. */
    static Duration percentile(long[] sorted, double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("fraction must be between 0 and 1: " + fraction);
        }
        double rank = fraction * (sorted.length - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        double value = sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
        return Duration.ofNanos(Math.round(value));
    }
}
