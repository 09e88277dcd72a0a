package io.tributary.cluster.yarn;

import static java.util.Objects.requireNonNull;

import io.tributary.job.JobVersion;
import io.tributary.job.deploy.DeploymentException;
import io.tributary.job.runner.JobSpecWriter;
import io.tributary.runner.JobSpecJson;
import io.tributary.runner.SqlJobRunner;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.flink.client.deployment.ClusterClientJobClientAdapter;
import org.apache.flink.client.deployment.ClusterSpecification;
import org.apache.flink.client.deployment.executors.PipelineExecutorUtils;
import org.apache.flink.client.program.ClusterClientProvider;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.PipelineExecutor;
import org.apache.flink.core.execution.PipelineExecutorFactory;
import org.apache.flink.core.execution.PipelineExecutorServiceLoader;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.yarn.YarnClusterClientFactory;
import org.apache.flink.yarn.YarnClusterDescriptor;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * Per-job mode (deprecated in Flink 1.20, still offered): the job graph is compiled here, in the server, by the SQL
 * runner's own code path (the same spec, catalogs, SET options, dependencies and statement as in application mode)
 * on a Table environment whose executor deploys the graph with {@link YarnClusterDescriptor#deployJobCluster} in
 * this cluster's YARN environment (its Hadoop configuration directory, not the server's), detached.
 */
public final class YarnPerJobLauncher implements YarnJobLauncher {

    private final JobSpecWriter specs;
    private final YarnDeployments deployments;

    public YarnPerJobLauncher(JobSpecWriter specs, YarnDeployments deployments) {
        this.specs = requireNonNull(specs, "specs is null");
        this.deployments = requireNonNull(deployments, "deployments is null");
    }

    @Override
    public ApplicationId launch(YarnEnvironment environment, Configuration configuration, JobVersion version,
            String jobName, String flinkJobId, String tag) {
        SqlJobRunner runner;
        try {
            runner = new SqlJobRunner(JobSpecJson.read(specs.write(version)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read back the spec of job '" + jobName + "'", e);
        }
        Configuration job = new Configuration();
        version.options().forEach(job::setString);
        job.addAll(configuration);
        job.set(DeploymentOptions.TARGET, "yarn-per-job");
        job.set(DeploymentOptions.ATTACHED, false);
        ClusterSpecification resources = new YarnClusterClientFactory().getClusterSpecification(job);
        AtomicReference<ApplicationId> deployed = new AtomicReference<>();
        PipelineExecutor executor = (pipeline, effective, classLoader) -> {
            JobGraph graph = PipelineExecutorUtils.getJobGraph(pipeline, effective, classLoader);
            ApplicationId application = deployments.deploy(environment, tag, "job '" + jobName + "'", () -> {
                try (YarnClusterDescriptor descriptor = environment.descriptor(effective)) {
                    return descriptor.deployJobCluster(resources, graph, true);
                }
            });
            deployed.set(application);
            ClusterClientProvider<ApplicationId> provider = () -> {
                try (YarnClusterDescriptor descriptor = environment.descriptor(effective)) {
                    return descriptor.retrieve(application).getClusterClient();
                } catch (Exception e) {
                    throw new IllegalStateException("cannot reach YARN application " + application, e);
                }
            };
            return CompletableFuture.<JobClient>completedFuture(
                    new ClusterClientJobClientAdapter<>(provider, graph.getJobID(), classLoader));
        };
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        StreamExecutionEnvironment streams = new StreamExecutionEnvironment(new OneExecutor(executor), job,
                classLoader);
        try {
            runner.run(StreamTableEnvironment.create(streams,
                    EnvironmentSettings.newInstance().withConfiguration(job).build()));
        } catch (DeploymentException e) {
            throw e;
        } catch (RuntimeException e) {
            YarnDeployments.cleanUp(environment, tag);
            DeploymentException deploymentFailed = findDeploymentException(e);
            throw deploymentFailed != null ? deploymentFailed : new DeploymentException("job '" + jobName
                    + "' could not be compiled or deployed: " + YarnEnvironment.rootMessage(e), e);
        }
        if (deployed.get() == null) {
            throw new DeploymentException("the statement of job '" + jobName + "' did not start a Flink job", null);
        }
        return deployed.get();
    }

    private static DeploymentException findDeploymentException(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DeploymentException deployment) {
                return deployment;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** The executors of one job's environment: only ours, whatever {@code execution.target} says. */
    private record OneExecutor(PipelineExecutor executor) implements PipelineExecutorServiceLoader {

        @Override
        public PipelineExecutorFactory getExecutorFactory(Configuration configuration) {
            return new PipelineExecutorFactory() {
                @Override
                public String getName() {
                    return "yarn-per-job";
                }

                @Override
                public boolean isCompatibleWith(Configuration ignored) {
                    return true;
                }

                @Override
                public PipelineExecutor getExecutor(Configuration ignored) {
                    return executor;
                }
            };
        }

        @Override
        public Stream<String> getExecutorNames() {
            return Stream.of("yarn-per-job");
        }
    }
}
