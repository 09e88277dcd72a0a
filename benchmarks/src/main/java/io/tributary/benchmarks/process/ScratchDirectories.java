package io.tributary.benchmarks.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** Temporary directories (data directories, configuration, logs) that are all deleted on {@link #close()}. */
public final class ScratchDirectories implements AutoCloseable {

    private final Path parent;
    private final List<Path> created = new ArrayList<>();

    public ScratchDirectories(Path parent) {
        this.parent = requireNonNull(parent, "parent is null");
    }

    public synchronized Path create(String purpose) throws IOException {
        requireNonNull(purpose, "purpose is null");
        Path directory = Files.createTempDirectory(parent, "tributary-bench-" + purpose + "-");
        created.add(directory);
        return directory;
    }

    @Override
    public synchronized void close() {
        for (Path directory : created) {
            try {
                deleteTree(directory);
            } catch (IOException e) {
                System.err.println("tributary bench: could not delete " + directory + ": " + e);
            }
        }
        created.clear();
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path directory, IOException failure) throws IOException {
                if (failure != null) {
                    throw failure;
                }
                Files.deleteIfExists(directory);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
