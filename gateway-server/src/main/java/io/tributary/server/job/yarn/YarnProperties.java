package io.tributary.server.job.yarn;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tributary.yarn.*}: how Tributary deploys to YARN. Bound as part of
 * {@link io.tributary.server.config.TributaryProperties}; README-yarn.md lists every key.
 *
 * @param deployTimeout how long deploying a YARN session or a job's application may take until it runs (then its
 *     application is killed and the deploy fails)
 * @param runnerJar the path of {@code tributary-job-runner.jar}, the SQL runner that per-job and application
 *     clusters run; empty: the one on the server's class path ({@code lib/} of the distribution)
 */
public record YarnProperties(
        @NotNull @DefaultValue("3m") Duration deployTimeout,
        String runnerJar) {
}
