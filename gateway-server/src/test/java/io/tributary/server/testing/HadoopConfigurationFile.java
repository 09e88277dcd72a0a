package io.tributary.server.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A Hadoop-style configuration file ({@code hive-site.xml}, {@code metastore-site.xml}): names and values. */
public record HadoopConfigurationFile(Map<String, String> properties) {

    public HadoopConfigurationFile {
        requireNonNull(properties, "properties is null");
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** Writes the file, replacing it if it exists; returns its path. */
    public Path writeTo(Path file) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<configuration>\n");
        properties.forEach((name, value) -> xml.append("  <property><name>").append(escape(name))
                .append("</name><value>").append(escape(value)).append("</value></property>\n"));
        xml.append("</configuration>\n");
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
