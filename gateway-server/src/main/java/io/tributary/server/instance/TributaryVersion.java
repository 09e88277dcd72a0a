package io.tributary.server.instance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.apache.flink.runtime.util.EnvironmentInformation;

/** The versions this server was built with, from the build itself. */
public record TributaryVersion(String version, String flinkVersion, String javaVersion) {

    public static TributaryVersion load() {
        Properties properties = new Properties();
        try (InputStream in = TributaryVersion.class.getResourceAsStream("/io/tributary/server/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TributaryVersion(
                properties.getProperty("version", "unknown"),
                EnvironmentInformation.getVersion(),
                System.getProperty("java.version"));
    }
}
