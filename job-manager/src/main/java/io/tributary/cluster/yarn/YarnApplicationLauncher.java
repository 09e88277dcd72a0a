package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.runner.JobSpecWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.deployment.application.ApplicationConfiguration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.yarn.YarnClusterClientFactory;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.flink.yarn.configuration.YarnConfigOptions;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * Application mode: the job's cluster runs Tributary's SQL runner ({@link JobSpecWriter#RUNNER_MAIN_CLASS}) as its
 * application, with the runner's jar as the user jar and the job's spec shipped as a file ({@code yarn.ship-files}:
 * its credentials travel in the application's staging directory, never in program arguments). The job graph is
 * built in the JobManager, from the spec, with the job's fixed id.
 */
public final class YarnApplicationLauncher implements YarnJobLauncher {

    /** The spec's file name in the application's working directory. */
    static final String SPEC_FILE = "tributary-job-spec.json";

    private final JobSpecWriter specs;
    private final Path runnerJar;
    private final YarnDeployments deployments;

    public YarnApplicationLauncher(JobSpecWriter specs, Path runnerJar, YarnDeployments deployments) {
        this.specs = requireNonNull(specs, "specs is null");
        this.runnerJar = requireNonNull(runnerJar, "runnerJar is null");
        this.deployments = requireNonNull(deployments, "deployments is null");
    }

    @Override
    public ApplicationId launch(YarnEnvironment environment, Configuration configuration, JobVersion version,
            String jobName, String flinkJobId, String tag) {
        if (!Files.isRegularFile(runnerJar)) {
            throw new DeploymentException("the SQL runner " + runnerJar + " is not a jar file: set"
                    + " tributary.yarn.runner-jar to the path of " + JobSpecWriter.RUNNER_JAR_NAME, null);
        }
        byte[] spec = specs.write(version);
        Path staging = null;
        try {
            staging = Files.createTempDirectory("tributary-yarn-" + flinkJobId);
            Path specFile = Files.write(staging.resolve(SPEC_FILE), spec);
            Path jar = Files.copy(runnerJar, staging.resolve(JobSpecWriter.RUNNER_JAR_NAME));
            Configuration job = new Configuration();
            version.options().forEach(job::setString);
            job.addAll(configuration);
            job.set(DeploymentOptions.TARGET, "yarn-application");
            job.set(PipelineOptions.JARS, List.of(jar.toUri().toString()));
            job.set(YarnConfigOptions.SHIP_FILES, List.of(specFile.toString()));
            ApplicationConfiguration application = new ApplicationConfiguration(
                    new String[] {JobSpecWriter.SPEC_ARGUMENT, SPEC_FILE}, JobSpecWriter.RUNNER_MAIN_CLASS);
            ClusterSpecification resources = new YarnClusterClientFactory().getClusterSpecification(job);
            return deployments.deploy(environment, tag, "job '" + jobName + "'", () -> {
                try (YarnClusterDescriptor descriptor = environment.descriptor(job)) {
                    return descriptor.deployApplicationCluster(resources, application);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the spec of job '" + jobName + "'", e);
        } finally {
            delete(staging);
        }
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind
        }
    }
}
