package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The machine a benchmark ran on, as far as it matters for reading its numbers. */
public record MachineInfo(
        int cores,
        String cpuModel,
        long totalMemoryBytes,
        String javaVersion,
        String operatingSystem,
        String loadAverage) {

    public MachineInfo {
        requireNonNull(cpuModel, "cpuModel is null");
        requireNonNull(javaVersion, "javaVersion is null");
        requireNonNull(operatingSystem, "operatingSystem is null");
        requireNonNull(loadAverage, "loadAverage is null");
    }

    /** This machine now, read from the JVM and {@code /proc}. */
    public static MachineInfo current() {
        return new MachineInfo(
                Runtime.getRuntime().availableProcessors(),
                procLine("/proc/cpuinfo", "model name").map(MachineInfo::valueAfterColon).orElse("unknown"),
                procLine("/proc/meminfo", "MemTotal:").map(MachineInfo::kibibytesToBytes).orElse(0L),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                currentLoadAverage());
    }

    /** The 1, 5 and 15 minute load averages, which show how busy the rest of the machine was. */
    public static String currentLoadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.UTF_8).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            return "unknown";
        }
    }

    private static Optional<String> procLine(String file, String prefix) {
        try (var lines = Files.lines(Path.of(file), StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String valueAfterColon(String line) {
        return line.substring(line.indexOf(':') + 1).trim();
    }

    private static long kibibytesToBytes(String line) {
        String[] parts = valueAfterColon(line).split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
    }
}
