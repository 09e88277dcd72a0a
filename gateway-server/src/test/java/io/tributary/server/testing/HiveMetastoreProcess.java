package io.tributary.server.testing;

import static java.util.Objects.requireNonNull;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Hive metastore (hive-standalone-metastore-server, embedded Derby) in a JVM of its own, listening on a free
 * port of 127.0.0.1, with its warehouse in a temporary directory: one per test class. Its class path is the one
 * test-support/hive-metastore copies into its target/lib (system property {@code hive-metastore.lib}); it cannot
 * share the server's, whose hive-exec 3.1.3 holds other versions of the same classes.
 */
public final class HiveMetastoreProcess implements AutoCloseable {

    public static final String LIB_PROPERTY = "hive-metastore.lib";
    private static final String MAIN_CLASS = "org.apache.hadoop.hive.metastore.HiveMetaStore";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    private static final String LOG_CONFIGURATION = String.join("\n",
            "status = warn",
            "appender.console.type = Console",
            "appender.console.name = console",
            "appender.console.layout.type = PatternLayout",
            "appender.console.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n",
            "rootLogger.level = warn",
            "rootLogger.appenderRef.console.ref = console",
            "logger.metastore.name = org.apache.hadoop.hive.metastore.HiveMetaStore",
            "logger.metastore.level = info",
            "");

    private final Path directory;
    private final int port;
    private final Process process;
    private final Path clientConfDir;

    private HiveMetastoreProcess(Path directory, int port, Process process, Path clientConfDir) {
        this.directory = requireNonNull(directory, "directory is null");
        this.port = port;
        this.process = requireNonNull(process, "process is null");
        this.clientConfDir = requireNonNull(clientConfDir, "clientConfDir is null");
    }

    /** Starts a metastore and waits (bounded) until its Thrift port accepts connections. */
    public static HiveMetastoreProcess start() {
        Path lib = metastoreLibrary();
        try {
            Path directory = Files.createTempDirectory("hive-metastore-");
            int port = FreePorts.next();
            String warehouse = Files.createDirectories(directory.resolve("warehouse")).toUri().toString();
            Path serverConf = writeServerConfiguration(directory, port, warehouse);
            Path clientConf = writeClientConfiguration(directory, port, warehouse);
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m",
                    "-cp", serverConf + File.pathSeparator + lib.resolve("*"),
                    MAIN_CLASS, "-p", Integer.toString(port)))
                    .directory(directory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("metastore.log").toFile())
                    .start();
            HiveMetastoreProcess metastore = new HiveMetastoreProcess(directory, port, process, clientConf);
            metastore.awaitListening();
            return metastore;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metastore's own configuration directory: metastore-site.xml and its log configuration. */
    private static Path writeServerConfiguration(Path directory, int port, String warehouse) throws IOException {
        Path serverConf = directory.resolve("server-conf");
        new HadoopConfigurationFile(Map.of(
                "metastore.thrift.bind.host", "127.0.0.1",
                "metastore.thrift.port", Integer.toString(port),
                "metastore.warehouse.dir", warehouse,
                "javax.jdo.option.ConnectionURL",
                "jdbc:derby:;databaseName=" + directory.resolve("metastore_db") + ";create=true",
                "javax.jdo.option.ConnectionDriverName", "org.apache.derby.jdbc.EmbeddedDriver",
                "datanucleus.schema.autoCreateAll", "true",
                "metastore.schema.verification", "false",
                // Hive's asynchronous loggers need the LMAX disruptor, which the metastore does not depend on.
                "metastore.async.log.enabled", "false"))
                .writeTo(serverConf.resolve("metastore-site.xml"));
        Files.writeString(serverConf.resolve("metastore-log4j2.properties"), LOG_CONFIGURATION);
        return serverConf;
    }

    /** The clients' configuration directory: a hive-site.xml for Flink's HiveCatalog and Iceberg's hive catalog. */
    private static Path writeClientConfiguration(Path directory, int port, String warehouse) {
        Path clientConf = directory.resolve("client-conf");
        new HadoopConfigurationFile(Map.of(
                "hive.metastore.uris", "thrift://127.0.0.1:" + port,
                "hive.metastore.warehouse.dir", warehouse,
                // Iceberg's hive catalog: autoCreateAll makes no lock tables (DESIGN.md, "Verified stack").
                "iceberg.engine.hive.lock-enabled", "false"))
                .writeTo(clientConf.resolve("hive-site.xml"));
        return clientConf;
    }

    private static Path metastoreLibrary() {
        String configured = System.getProperty(LIB_PROPERTY);
        Path lib = configured == null ? Path.of("../test-support/hive-metastore/target/lib") : Path.of(configured);
        if (!Files.isDirectory(lib)) {
            throw new IllegalStateException("the Hive metastore's class path is missing at " + lib.toAbsolutePath()
                    + "; build it with: mvn -B package -pl test-support/hive-metastore");
        }
        return lib.toAbsolutePath().normalize();
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = log();
                close();
                throw new IllegalStateException("the Hive metastore exited with code " + process.exitValue()
                        + " before it listened on 127.0.0.1:" + port + "; its output:\n" + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(200));
            }
        }
        String log = log();
        close();
        throw new IllegalStateException("the Hive metastore did not listen on 127.0.0.1:" + port + " within "
                + START_TIMEOUT.toSeconds() + " s; its output:\n" + log);
    }

    /** {@code thrift://127.0.0.1:PORT}. */
    public String thriftUri() {
        return "thrift://127.0.0.1:" + port;
    }

    /**
     * A directory with the client's {@code hive-site.xml} (the metastore's URI, its warehouse, and Iceberg's
     * {@code iceberg.engine.hive.lock-enabled=false}): Flink's {@code hive-conf-dir}, and Iceberg's too.
     */
    public Path clientConfDir() {
        return clientConfDir;
    }

    /** The metastore's output so far. */
    public String log() {
        try {
            return Files.readString(directory.resolve("metastore.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteRecursively(directory);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Hive metastore", e);
        }
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // A temporary directory: the OS cleans it up eventually.
        }
    }
}
