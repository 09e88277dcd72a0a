package io.tributary.server.statement;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/**
 * Session options Tributary reads from a gateway session (set with the client's session properties, or with
 * {@code SET 'key' = 'value'}). They are Tributary's own: never frozen into a managed job.
 */
public final class RecorderOptions {

    public static final String PREFIX = "tributary.";

    public static final ConfigOption<String> USER = ConfigOptions.key("tributary.user")
            .stringType()
            .noDefaultValue()
            .withDescription("Who runs the session's statements, as the statement history records it.");

    public static final ConfigOption<Boolean> IMPACT_FORCE = ConfigOptions.key("tributary.impact.force")
            .booleanType()
            .defaultValue(false)
            .withDescription("Run a DROP or ALTER of a table, database or catalog even though running managed"
                    + " jobs read or write it.");

    private RecorderOptions() {}
}
