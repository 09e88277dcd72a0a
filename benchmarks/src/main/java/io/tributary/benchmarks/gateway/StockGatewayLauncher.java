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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts stock Flink: {@link StockSqlGatewayMain} in its own JVM, with the server's JVM options, this module's
 * jar as class path (the same Flink 1.20.0 jars as the server) and a configuration directory of its own
 * ({@code FLINK_CONF_DIR}, which Flink's gateway requires; inherited {@code FLINK_*} variables are removed).
 */
public final class StockGatewayLauncher implements GatewayServerLauncher {

    private static final String LOG_CONFIGURATION = "stock-gateway-logback.xml";
    /** No settings: Flink's defaults, like the server's; the gateway's own are -D properties (StockSqlGatewayMain). */
    private static final String CONFIGURATION_FILE = "# Written by Tributary's gateway benchmark.\n";

    private final Workspace workspace;
    private final ChildProcesses processes;
    private final ScratchDirectories scratch;
    private final FreePorts ports;

    public StockGatewayLauncher(Workspace workspace, ChildProcesses processes, ScratchDirectories scratch,
            FreePorts ports) {
        this.workspace = requireNonNull(workspace, "workspace is null");
        this.processes = requireNonNull(processes, "processes is null");
        this.scratch = requireNonNull(scratch, "scratch is null");
        this.ports = requireNonNull(ports, "ports is null");
    }

    @Override
    public String name() {
        return "Stock Flink";
    }

    @Override
    public GatewayServer launch() throws IOException {
        Path configurationDirectory = scratch.create("stock-flink");
        Files.writeString(configurationDirectory.resolve("config.yaml"), CONFIGURATION_FILE, StandardCharsets.UTF_8);
        List<Integer> free = ports.allocate(2);
        int flinkPort = free.get(0);
        int gatewayPort = free.get(1);
        ChildProcess process = processes.start(new ChildProcessSpec(
                name(),
                List.of(workspace.javaExecutable().toString(), "@" + workspace.jvmOptions(),
                        "-Dlogback.configurationFile=" + LOG_CONFIGURATION,
                        "-cp", workspace.benchmarksJar().toString(),
                        StockSqlGatewayMain.class.getName(),
                        StockSqlGatewayMain.FLINK_PORT_OPTION, Integer.toString(flinkPort),
                        StockSqlGatewayMain.GATEWAY_PORT_OPTION, Integer.toString(gatewayPort)),
                configurationDirectory,
                "FLINK_",
                Map.of("FLINK_CONF_DIR", configurationDirectory.toString()),
                configurationDirectory.resolve("logs/stock-gateway.log")));
        return new GatewayServer(name(), process, URI.create("http://127.0.0.1:" + gatewayPort),
                URI.create("http://127.0.0.1:" + flinkPort), Optional.empty());
    }
}
