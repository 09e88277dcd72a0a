package io.tributary.benchmarks.report;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The results of one benchmark run as every benchmark reports them: a title, the command, the machine and its
 * load, the goals with PASS/MISS, the tables, notes, and how it was measured; as plain text for the terminal and
 * as markdown for the results file.
 */
public record ReportDocument(
        String title,
        String command,
        String optionsText,
        Instant started,
        Duration elapsed,
        MachineInfo machine,
        String loadAverageAtEnd,
        List<Goal> goals,
        List<Table> tables,
        List<String> notes,
        List<String> method) {

    private static final long MIB = 1024L * 1024;
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    public ReportDocument {
        requireNonNull(title, "title is null");
        requireNonNull(command, "command is null");
        requireNonNull(optionsText, "optionsText is null");
        requireNonNull(started, "started is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(machine, "machine is null");
        requireNonNull(loadAverageAtEnd, "loadAverageAtEnd is null");
        goals = List.copyOf(requireNonNull(goals, "goals is null"));
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        notes = List.copyOf(requireNonNull(notes, "notes is null"));
        method = List.copyOf(requireNonNull(method, "method is null"));
    }

    public Table goalTable() {
        List<List<String>> rows = goals.stream()
                .map(goal -> List.of(goal.description(), goal.target(), goal.measured(), goal.verdict()))
                .toList();
        return new Table("Goals", List.of("Goal", "Target", "Measured", "Result"), rows);
    }

    /** For the terminal. */
    public String text() {
        TextTableRenderer renderer = new TextTableRenderer();
        StringBuilder text = new StringBuilder("\n").append(title).append('\n');
        text.append(machineLine()).append('\n').append(conditionsLine()).append("\n\n");
        for (Table table : tables) {
            text.append(renderer.render(table)).append('\n');
        }
        for (String note : notes) {
            text.append("Note: ").append(note).append('\n');
        }
        if (!notes.isEmpty()) {
            text.append('\n');
        }
        text.append(renderer.render(goalTable()));
        return text.toString();
    }

    /** For the results file. */
    public String markdown() {
        MarkdownTableRenderer renderer = new MarkdownTableRenderer();
        StringBuilder text = new StringBuilder("# ").append(title).append("\n\n");
        text.append("Command: `").append(command).append("` (").append(TIMESTAMP.format(started))
                .append(", took ").append(elapsed.toSeconds()).append(" s)\n\n");
        text.append("## Machine\n\n")
                .append("- Cores: ").append(machine.cores()).append(" (").append(machine.cpuModel()).append(")\n")
                .append("- Memory: ").append(machine.totalMemoryBytes() / MIB).append(" MiB\n")
                .append("- Java: ").append(machine.javaVersion()).append('\n')
                .append("- OS: ").append(machine.operatingSystem()).append('\n')
                .append("- Load average (1/5/15 min) at start: ").append(machine.loadAverage())
                .append("; at end: ").append(loadAverageAtEnd)
                .append(". The machine is shared: other builds and Flink clusters may have run at the same time.\n\n");
        text.append("## Results\n\n").append(renderer.render(goalTable())).append('\n');
        for (Table table : tables) {
            text.append(renderer.render(table)).append('\n');
        }
        if (!notes.isEmpty()) {
            text.append("## Notes\n\n");
            notes.forEach(note -> text.append("- ").append(note).append('\n'));
            text.append('\n');
        }
        text.append("## Method\n\n").append(String.join("\n", method)).append('\n');
        return text.toString();
    }

    private String machineLine() {
        return "Machine: " + machine.cores() + " cores, " + machine.totalMemoryBytes() / MIB + " MiB, "
                + machine.javaVersion() + "; load average " + machine.loadAverage() + " at start, "
                + loadAverageAtEnd + " at end (shared machine)";
    }

    private String conditionsLine() {
        return "Run: " + TIMESTAMP.format(started) + ", " + elapsed.toSeconds() + " s; " + optionsText;
    }
}
