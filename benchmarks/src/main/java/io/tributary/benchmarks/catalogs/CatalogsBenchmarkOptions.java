package io.tributary.benchmarks.catalogs;

import static io.tributary.benchmarks.OptionArguments.requireRange;
import static io.tributary.benchmarks.OptionArguments.wholeNumber;
import static java.util.Objects.requireNonNull;

import io.tributary.benchmarks.OptionArguments;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The options of {@code ./tributary bench catalogs}. */
public record CatalogsBenchmarkOptions(
        int iterations,
        int warmUpRounds,
        int catalogs,
        int jdbcCatalogs,
        int tables,
        int listIterations,
        Duration pollInterval,
        int postgresPort,
        String postgresUser) {

    /** Before DEFAULTS: the constructor that makes DEFAULTS checks the user name against it. */
    private static final Set<String> NAMES = Set.of("--iterations", "--warm-up", "--catalogs", "--jdbc-catalogs",
            "--tables", "--list-iterations", "--poll-interval-ms", "--postgres-port", "--postgres-user");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    public static final String USAGE = "[--iterations N (50)] [--warm-up N (5)] [--catalogs N (20)]"
            + " [--jdbc-catalogs N (5)] [--tables N (200)] [--list-iterations N (30)] [--poll-interval-ms N (2)]"
            + " [--postgres-port N (5432)] [--postgres-user NAME (postgres)]";

    public static final CatalogsBenchmarkOptions DEFAULTS =
            new CatalogsBenchmarkOptions(50, 5, 20, 5, 200, 30, Duration.ofMillis(2), 5432, "postgres");

    public CatalogsBenchmarkOptions {
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(postgresUser, "postgresUser is null");
        requireRange("--iterations", iterations, 1, 10_000);
        requireRange("--warm-up", warmUpRounds, 0, 1_000);
        requireRange("--catalogs", catalogs, 1, 99);
        requireRange("--jdbc-catalogs", jdbcCatalogs, 1, catalogs);
        requireRange("--tables", tables, 1, 10_000);
        requireRange("--list-iterations", listIterations, 1, 10_000);
        requireRange("--poll-interval-ms", pollInterval.toMillis(), 0, 1_000);
        requireRange("--postgres-port", postgresPort, 1, 65_535);
        if (!USER_NAME.matcher(postgresUser).matches()) {
            throw new IllegalArgumentException("option --postgres-user needs a plain PostgreSQL role name, not '"
                    + postgresUser + "'");
        }
    }

    public static CatalogsBenchmarkOptions parse(List<String> arguments) {
        CatalogsBenchmarkOptions options = DEFAULTS;
        for (Map.Entry<String, String> option : OptionArguments.parse(arguments, NAMES).entrySet()) {
            options = options.with(option.getKey(), option.getValue());
        }
        return options;
    }

    private CatalogsBenchmarkOptions with(String name, String value) {
        if (name.equals("--postgres-user")) {
            return new CatalogsBenchmarkOptions(iterations, warmUpRounds, catalogs, jdbcCatalogs, tables,
                    listIterations, pollInterval, postgresPort, value);
        }
        int number = wholeNumber(name, value);
        return switch (name) {
            case "--iterations" -> new CatalogsBenchmarkOptions(number, warmUpRounds, catalogs, jdbcCatalogs, tables,
                    listIterations, pollInterval, postgresPort, postgresUser);
            case "--warm-up" -> new CatalogsBenchmarkOptions(iterations, number, catalogs, jdbcCatalogs, tables,
                    listIterations, pollInterval, postgresPort, postgresUser);
            case "--catalogs" -> new CatalogsBenchmarkOptions(iterations, warmUpRounds, number,
                    Math.min(jdbcCatalogs, number), tables, listIterations, pollInterval, postgresPort, postgresUser);
            case "--jdbc-catalogs" -> new CatalogsBenchmarkOptions(iterations, warmUpRounds, catalogs, number, tables,
                    listIterations, pollInterval, postgresPort, postgresUser);
            case "--tables" -> new CatalogsBenchmarkOptions(iterations, warmUpRounds, catalogs, jdbcCatalogs, number,
                    listIterations, pollInterval, postgresPort, postgresUser);
            case "--list-iterations" -> new CatalogsBenchmarkOptions(iterations, warmUpRounds, catalogs,
                    jdbcCatalogs, tables, number, pollInterval, postgresPort, postgresUser);
            case "--poll-interval-ms" -> new CatalogsBenchmarkOptions(iterations, warmUpRounds, catalogs,
                    jdbcCatalogs, tables, listIterations, Duration.ofMillis(number), postgresPort, postgresUser);
            case "--postgres-port" -> new CatalogsBenchmarkOptions(iterations, warmUpRounds, catalogs, jdbcCatalogs,
                    tables, listIterations, pollInterval, number, postgresUser);
            default -> throw new IllegalArgumentException("unknown option " + name);
        };
    }

    public String text() {
        return "--iterations " + iterations + " --warm-up " + warmUpRounds + " --catalogs " + catalogs
                + " --jdbc-catalogs " + jdbcCatalogs + " --tables " + tables + " --list-iterations " + listIterations
                + " --poll-interval-ms " + pollInterval.toMillis() + " --postgres-port " + postgresPort
                + " --postgres-user " + postgresUser;
    }
}
