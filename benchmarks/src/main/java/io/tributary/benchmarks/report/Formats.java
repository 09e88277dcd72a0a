package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;

/** How the reports write numbers: milliseconds with one decimal, seconds with two, ratios as {@code 1.02x}. */
public final class Formats {

    private Formats() {}

    public static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f", requireNonNull(duration, "duration is null").toNanos() / 1e6);
    }

    public static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f", requireNonNull(duration, "duration is null").toNanos() / 1e9);
    }

    /** {@code ours / theirs}. */
    public static double ratio(Duration ours, Duration theirs) {
        requireNonNull(ours, "ours is null");
        requireNonNull(theirs, "theirs is null");
        return (double) ours.toNanos() / theirs.toNanos();
    }

    public static String ratioText(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    public static String ratioText(Duration ours, Duration theirs) {
        return ratioText(ratio(ours, theirs));
    }
}
