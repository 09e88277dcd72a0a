package io.tributary.benchmarks.process;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one child process: its command, working directory, the environment variables to set on top of
 * the inherited ones (after removing those {@code removedEnvironmentPrefix} starts), and the file that receives
 * its standard output and error.
 */
public record ChildProcessSpec(
        String name,
        List<String> command,
        Path workingDirectory,
        String removedEnvironmentPrefix,
        Map<String, String> environment,
        Path logFile) {

    public ChildProcessSpec {
        requireNonNull(name, "name is null");
        command = List.copyOf(requireNonNull(command, "command is null"));
        requireNonNull(workingDirectory, "workingDirectory is null");
        requireNonNull(removedEnvironmentPrefix, "removedEnvironmentPrefix is null");
        environment = Map.copyOf(requireNonNull(environment, "environment is null"));
        requireNonNull(logFile, "logFile is null");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command is empty");
        }
    }
}
