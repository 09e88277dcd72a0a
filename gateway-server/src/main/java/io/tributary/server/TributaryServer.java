package io.tributary.server;

import io.tributary.server.config.TributaryProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** The Tributary server: embedded Flink session cluster, Flink's SQL Gateway and the management API. */
@SpringBootApplication
@EnableConfigurationProperties(TributaryProperties.class)
public class TributaryServer {

    public static void main(String[] args) {
        try {
            SpringApplication.run(TributaryServer.class, args);
        } catch (RuntimeException startFailed) {
            // StartupFailureReporter has already said, in one line, which setting to fix.
            System.exit(2);
        }
    }
}
