package io.tributary.benchmarks.gateway;

import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.Workspace;
import io.tributary.benchmarks.process.ChildProcess;
import io.tributary.benchmarks.process.ChildProcessSpec;
import io.tributary.benchmarks.process.ChildProcesses;
import io.tributary.benchmarks.process.FreePorts;
import io.tributary.benchmarks.process.ScratchDirectories;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the packaged server exactly as {@code ./tributary start} does: {@code java @jvm.options -jar
 * tributary-server.jar} in its data directory, configured only by the {@code TRIBUTARY_*} environment variables
 * (a fresh data directory and free ports on 127.0.0.1; inherited {@code TRIBUTARY_*} variables are removed). The
 * master key for stored secrets goes into a scratch directory of its own (outside the data directory, as the
 * server requires) instead of the user's {@code ~/.tributary}.
 */
public final class TributaryServerLauncher implements GatewayServerLauncher {

    public static final String DEFAULT_NAME = "Tributary";

    private final String name;
    private final Workspace workspace;
    private final ChildProcesses processes;
    private final ScratchDirectories scratch;
    private final FreePorts ports;

    public TributaryServerLauncher(Workspace workspace, ChildProcesses processes, ScratchDirectories scratch,
            FreePorts ports) {
        this(DEFAULT_NAME, workspace, processes, scratch, ports);
    }

    /** A launcher whose servers the results call {@code name} (when one benchmark runs several of them). */
    public TributaryServerLauncher(String name, Workspace workspace, ChildProcesses processes,
            ScratchDirectories scratch, FreePorts ports) {
        this.name = requireNonNull(name, "name is null");
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.ports = requireNonNull(ports, "ports is null");
    }

    @Override
    public String name() {
        return name;
    }

    /** {@code java}, the server's JVM arguments as {@code ./tributary start} passes them, {@code -jar} the server. */
    private List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(workspace.javaExecutable().toString());
        command.addAll(workspace.serverJvmArguments());
        command.addAll(List.of("-jar", workspace.serverJar().toString()));
        return command;
    }

    @Override
    public GatewayServer launch() throws IOException {
        Path dataDirectory = scratch.create("tributary");
        Path masterKeyFile = scratch.create("tributary-key").resolve("master.key");
        List<Integer> free = ports.allocate(3);
        int managementPort = free.get(0);
        int gatewayPort = free.get(1);
        int flinkPort = free.get(2);
        ChildProcess process = processes.start(new ChildProcessSpec(
                name(),
                command(),
                dataDirectory,
                "TRIBUTARY_",
                Map.of("TRIBUTARY_DATA_DIR", dataDirectory.toString(),
                        "TRIBUTARY_PORT", Integer.toString(managementPort),
                        "TRIBUTARY_GATEWAY_PORT", Integer.toString(gatewayPort),
                        "TRIBUTARY_FLINK_PORT", Integer.toString(flinkPort),
                        "TRIBUTARY_SECRETS_MASTER_KEY_FILE", masterKeyFile.toString()),
                dataDirectory.resolve("logs/tributary.log")));
        return new GatewayServer(name(), process, URI.create("http://127.0.0.1:" + gatewayPort),
                URI.create("http://127.0.0.1:" + flinkPort),
                Optional.of(URI.create("http://127.0.0.1:" + managementPort)));
    }
}
