package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Where a benchmark's markdown goes: {@code <results directory>/<benchmark>-<UTC date>.md}, replaced by a later run. */
public final class ResultsFile {

    private ResultsFile() {}

    public static Path write(Path resultsDirectory, String benchmark, Instant started, String markdown)
            throws IOException {
        requireNonNull(resultsDirectory, "resultsDirectory is null");
        requireNonNull(benchmark, "benchmark is null");
        requireNonNull(started, "started is null");
        requireNonNull(markdown, "markdown is null");
        Files.createDirectories(resultsDirectory);
        Path file = resultsDirectory.resolve(benchmark + "-" + LocalDate.ofInstant(started, ZoneOffset.UTC) + ".md");
        Files.writeString(file, markdown, StandardCharsets.UTF_8);
        return file;
    }
}
