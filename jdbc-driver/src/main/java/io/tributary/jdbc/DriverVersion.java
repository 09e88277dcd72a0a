package io.tributary.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The driver's version, from the jar (written at build time). */
public final class DriverVersion {

    public static final String VERSION = load();
    public static final int MAJOR = part(0);
    public static final int MINOR = part(1);

    private DriverVersion() {}

    private static String load() {
        Properties properties = new Properties();
        try (InputStream in = DriverVersion.class.getResourceAsStream("driver.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }

    private static int part(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return parts.length > index ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
