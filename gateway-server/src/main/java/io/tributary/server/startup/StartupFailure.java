package io.tributary.server.startup;

import static java.util.Objects.requireNonNull;

/**
 * The server cannot start because of one setting. Its message is the one line the user reads: the setting,
 * what is wrong with it and what to do.
 */
public final class StartupFailure extends RuntimeException {

    private final String setting;

    public StartupFailure(String setting, String problem, Throwable cause) {
        super(requireNonNull(setting, "setting is null") + ": " + requireNonNull(problem, "problem is null"), cause);
        this.setting = setting;
    }

    public StartupFailure(String setting, String problem) {
        this(setting, problem, null);
    }

    public String setting() {
        return setting;
    }
}
