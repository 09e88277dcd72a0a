package io.tributary.benchmarks.jdbc;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What one driver achieved fetching the table: rows, time, rows per second, peak heap of its JVM. */
public record FetchResult(String driver, long rows, double seconds, long peakHeapBytes) {

    private static final Pattern LINE = Pattern.compile(
            "RESULT rows=(\\d+) seconds=([0-9.Ee-]+) peakHeapBytes=(\\d+)");

    public FetchResult {
        requireNonNull(driver, "driver is null");
    }

    public double rowsPerSecond() {
        return rows / seconds;
    }

    /** The result line FetchRows printed, or null when its output has none. */
    static FetchResult parse(String driver, String output) {
        Matcher line = LINE.matcher(output);
        FetchResult result = null;
        while (line.find()) {
            result = new FetchResult(driver, Long.parseLong(line.group(1)), Double.parseDouble(line.group(2)),
                    Long.parseLong(line.group(3)));
        }
        return result;
    }
}
