package io.tributary.jdbc.it;

import static java.util.Objects.requireNonNull;

import io.tributary.server.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The jobs of the test server's embedded Flink cluster, as its REST API reports them. */
final class FlinkJobs {

    private static final Pattern JOB = Pattern.compile(
            "\\{\"jid\":\"([0-9a-f]+)\",\"name\":\"((?:[^\"\\\\]|\\\\.)*)\",\"start-time\":[^}]*?\"state\":\"([A-Z]+)\"");

    private final TestServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    FlinkJobs(TestServer server) {
        this.server = requireNonNull(server, "server is null");
    }

    /** The state of the job whose name is this pipeline.name, or null when there is none. */
    String stateOf(String jobName) throws IOException, InterruptedException {
        HttpResponse<String> overview = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.flinkPort() + "/jobs/overview")).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher job = JOB.matcher(overview.body());
        while (job.find()) {
            if (job.group(2).equals(jobName)) {
                return job.group(3);
            }
        }
        return null;
    }

    String stateOfJob(String jobId) throws IOException, InterruptedException {
        HttpResponse<String> job = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.flinkPort() + "/jobs/" + jobId)).GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher state = Pattern.compile("\"state\":\"([A-Z]+)\"").matcher(job.body());
        return state.find() ? state.group(1) : null;
    }
}
