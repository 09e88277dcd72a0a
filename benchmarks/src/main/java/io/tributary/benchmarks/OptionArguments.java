package io.tributary.benchmarks;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of one benchmark's command line: {@code --name value} or {@code --name=value}, every name known in
 * advance. What a value means and which values are allowed is the benchmark's options record's business.
 */
public final class OptionArguments {

    private OptionArguments() {}

    /** The options given, by name, in the order given (a repeated option keeps its last value). */
    public static Map<String, String> parse(List<String> arguments, Set<String> knownNames) {
        requireNonNull(arguments, "arguments is null");
        requireNonNull(knownNames, "knownNames is null");
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argument + "'");
            }
            String name = argument;
            String value;
            int equals = argument.indexOf('=');
            if (equals > 0) {
                name = argument.substring(0, equals);
                value = argument.substring(equals + 1);
            } else if (i + 1 < arguments.size()) {
                value = arguments.get(++i);
            } else {
                throw new IllegalArgumentException("option " + argument + " needs a value");
            }
            if (!knownNames.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            options.put(name, value);
        }
        return options;
    }

    public static int wholeNumber(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + name + " needs a whole number, not '" + value + "'");
        }
    }

    public static void requireRange(String name, long value, long minimum, long maximum) {
        if (value < minimum || value > maximum) {
            throw new IllegalArgumentException(
                    "option " + name + " must be between " + minimum + " and " + maximum + ": " + value);
        }
    }
}
