package io.tributary.benchmarks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the benchmarks find what they run: the packaged server as {@code ./tributary start} runs it, the JVM
 * options every Flink JVM needs, the java executable, this module's own jar (the stock gateway's class path) and
 * the directory the results files go to.
 */
public record Workspace(
        Path root,
        Path javaExecutable,
        Path serverJar,
        Path jvmOptions,
        Path benchmarksJar,
        Path resultsDirectory) {

    public Workspace {
        requireNonNull(root, "root is null");
        requireNonNull(javaExecutable, "javaExecutable is null");
        requireNonNull(serverJar, "serverJar is null");
        requireNonNull(jvmOptions, "jvmOptions is null");
        requireNonNull(benchmarksJar, "benchmarksJar is null");
        requireNonNull(resultsDirectory, "resultsDirectory is null");
    }

    /** The workspace of a repository root (the working directory of {@code ./tributary bench}). */
    public static Workspace atRoot(Path root) {
        Path absoluteRoot = root.toAbsolutePath().normalize();
        Workspace workspace = new Workspace(
                absoluteRoot,
                Path.of(System.getProperty("java.home"), "bin", "java"),
                absoluteRoot.resolve("gateway-server/target/tributary-server.jar"),
                absoluteRoot.resolve("gateway-server/target/jvm.options"),
                ownJar(),
                absoluteRoot.resolve("benchmarks/results"));
        workspace.requireBuilt();
        return workspace;
    }

    /**
     * The JVM arguments of the packaged server as {@code ./tributary start} passes them: the Flink JVM options, and
     * the class data archive when {@code ./tributary} made one for the current jar.
     */
    public List<String> serverJvmArguments() {
        List<String> arguments = new ArrayList<>();
        arguments.add("@" + jvmOptions);
        Path archive = serverJar.resolveSibling("tributary-server.jsa");
        try {
            if (Files.isRegularFile(archive)
                    && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(serverJar)) > 0) {
                arguments.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + archive, e);
        }
        return List.copyOf(arguments);
    }

    private void requireBuilt() {
        for (Path file : new Path[] {javaExecutable, serverJar, jvmOptions, benchmarksJar}) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " does not exist: run the benchmarks from the repository root"
                        + " with ./tributary bench, which builds the server and this module first");
            }
        }
    }

    private static Path ownJar() {
        try {
            return Path.of(Workspace.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the benchmarks jar", e);
        }
    }
}
