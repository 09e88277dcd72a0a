package io.tributary.benchmarks.rest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The parts of Tributary's management API ({@code /api/v1}) that the benchmarks measure. */
public final class ManagementApi {

    private static final int OK = 200;
    private static final int CREATED = 201;

    private final JsonHttp http;
    private final URI base;

    public ManagementApi(JsonHttp http, URI base) {
        this.http = requireNonNull(http, "http is null");
        this.base = requireNonNull(base, "base is null");
    }

    /** {@code POST /api/v1/jobs}: promotes a statement (the server validates it); returns the job's id. */
    public String promote(String name, String statement, List<String> dependencies, Map<String, String> options)
            throws IOException, InterruptedException {
        ObjectNode body = http.json().createObjectNode()
                .put("name", requireNonNull(name, "name is null"))
                .put("statement", requireNonNull(statement, "statement is null"))
                .put("cluster", "embedded");
        dependencies.forEach(body.putArray("dependencies")::add);
        ObjectNode optionsNode = body.putObject("options");
        options.forEach(optionsNode::put);
        JsonNode job = http.send("POST", base.resolve("/api/v1/jobs"), body).expect(CREATED);
        return requiredText(job, "id");
    }

    /**
     * {@code POST /api/v1/jobs} with {@code deploy: true}: promotes and deploys to the embedded cluster in one
     * request; returns the job's id with the job as the server answers (state, flinkJobId).
     */
    public PromotedJob promoteAndDeploy(String name, String statement, List<String> dependencies,
            Map<String, String> options) throws IOException, InterruptedException {
        ObjectNode body = http.json().createObjectNode()
                .put("name", requireNonNull(name, "name is null"))
                .put("statement", requireNonNull(statement, "statement is null"))
                .put("cluster", "embedded")
                .put("deploy", true);
        dependencies.forEach(body.putArray("dependencies")::add);
        ObjectNode optionsNode = body.putObject("options");
        options.forEach(optionsNode::put);
        JsonNode job = http.send("POST", base.resolve("/api/v1/jobs"), body).expect(CREATED);
        return new PromotedJob(requiredText(job, "id"),
                new DeployedJob(requiredText(job, "state"), requiredText(job, "flinkJobId")));
    }

    /** A job promoted and deployed in one request: its id, and the job as deployed. */
    public record PromotedJob(String id, DeployedJob deployed) {

        public PromotedJob {
            requireNonNull(id, "id is null");
            requireNonNull(deployed, "deployed is null");
        }
    }

    /** {@code POST /api/v1/jobs/{id}/deploy}: returns the job as the server answers (state, flinkJobId). */
    public DeployedJob deploy(String id) throws IOException, InterruptedException {
        JsonNode job = http.send("POST", jobUri(id, "/deploy"), http.json().createObjectNode()).expect(OK);
        return new DeployedJob(requiredText(job, "state"), requiredText(job, "flinkJobId"));
    }

    /** {@code POST /api/v1/jobs/{id}/cancel}. */
    public void cancel(String id) throws IOException, InterruptedException {
        http.send("POST", jobUri(id, "/cancel"), null).expect(OK);
    }

    /**
     * {@code GET /api/v1/catalogs/{catalog}/databases/{database}/tables}; a 404 means this build has no such
     * endpoint (or does not find the catalog): the listing says so instead of failing.
     */
    public TableListing listTables(String catalog, String database) throws IOException, InterruptedException {
        URI uri = base.resolve("/api/v1/catalogs/" + segment(catalog) + "/databases/" + segment(database)
                + "/tables");
        return TableListing.of(http.send("GET", uri, null));
    }

    private URI jobUri(String id, String action) {
        return base.resolve("/api/v1/jobs/" + segment(id) + action);
    }

    private static String segment(String value) {
        return URLEncoder.encode(requireNonNull(value, "path segment is null"), StandardCharsets.UTF_8)
                .replace("+", "%20");
    }

    private static String requiredText(JsonNode body, String field) throws IOException {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IOException("the management API's answer has no " + field + ": " + body);
        }
        return value.asText();
    }

    /** What {@code /deploy} answered: the job's state and the id of its Flink job. */
    public record DeployedJob(String state, String flinkJobId) {

        public DeployedJob {
            requireNonNull(state, "state is null");
            requireNonNull(flinkJobId, "flinkJobId is null");
        }
    }
}
