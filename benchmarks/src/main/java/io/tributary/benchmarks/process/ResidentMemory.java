package io.tributary.benchmarks.process;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The resident set size of a process, as Linux reports it ({@code VmRSS} in {@code /proc/<pid>/status}). */
public final class ResidentMemory {

    private static final String FIELD = "VmRSS:";

    private final Path procRoot;

    public ResidentMemory(Path procRoot) {
        this.procRoot = requireNonNull(procRoot, "procRoot is null");
    }

    /** The resident set size of the process in bytes. */
    public long bytesOf(long pid) throws IOException {
        Path status = procRoot.resolve(Long.toString(pid)).resolve("status");
        String text = Files.readString(status, StandardCharsets.UTF_8);
        return parseVmRss(text).orElseThrow(() -> new IOException("no " + FIELD + " line in " + status));
    }

    /** The {@code VmRSS} of a status file's text in bytes (the kernel writes it in kB, meaning KiB). */
    static OptionalLong parseVmRss(String statusText) {
        for (String line : statusText.split("\n")) {
            if (line.startsWith(FIELD)) {
                String[] parts = line.substring(FIELD.length()).trim().split("\\s+");
                if (parts.length == 2 && parts[1].equalsIgnoreCase("kB")) {
                    return OptionalLong.of(Long.parseLong(parts[0]) * 1024);
                }
            }
        }
        return OptionalLong.empty();
    }
}
