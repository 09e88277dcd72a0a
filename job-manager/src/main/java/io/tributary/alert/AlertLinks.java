package io.tributary.alert;

import static io.tributary.job.schema.Tables.FLINK_CLUSTER;
import static java.util.Objects.requireNonNull;

import io.tributary.job.deploy.EmbeddedSessionTarget;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The links an alert carries: the job (or cluster) in Tributary's management API ({@code tributary}) — there is no
 * web UI yet — and in Flink's web UI ({@code flink}). Links the publisher gave are kept.
 */
public final class AlertLinks {

    private final String managementUrl;
    private final URI embeddedWebUi;

    /**
     * @param managementUrl where users reach the management API, e.g. {@code http://tributary.example:8080}
     * @param embeddedWebUi the web UI of the embedded cluster
     */
    public AlertLinks(String managementUrl, URI embeddedWebUi) {
        String url = requireNonNull(managementUrl, "managementUrl is null").strip();
        this.managementUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.embeddedWebUi = requireNonNull(embeddedWebUi, "embeddedWebUi is null");
    }

    public Map<String, String> resolve(DSLContext transaction, AlertEvent event) {
        Map<String, String> links = new LinkedHashMap<>();
        Optional<String> webUi = event.clusterId().flatMap(id -> webUi(transaction, id));
        if (event.type().jobEvent()) {
            links.put("tributary", managementUrl + "/api/v1/jobs/" + event.jobId().orElseThrow());
            if (webUi.isPresent() && event.flinkJobId().isPresent()) {
                String list = event.type() == AlertEventType.JOB_FAILED ? "completed" : "running";
                links.put("flink", webUi.get() + "/#/job/" + list + "/" + event.flinkJobId().get() + "/overview");
            }
        } else {
            links.put("tributary", managementUrl + "/api/v1/clusters/" + event.clusterId().orElseThrow());
            webUi.ifPresent(ui -> links.put("flink", ui + "/#/overview"));
        }
        links.putAll(event.links());
        return links;
    }

    private Optional<String> webUi(DSLContext transaction, String clusterId) {
        if (EmbeddedSessionTarget.CLUSTER_ID.equals(clusterId)) {
            return Optional.of(trim(embeddedWebUi.toString()));
        }
        return transaction.select(FLINK_CLUSTER.REST_ADDRESS).from(FLINK_CLUSTER).where(FLINK_CLUSTER.ID.eq(clusterId))
                .fetchOptional(FLINK_CLUSTER.REST_ADDRESS).map(AlertLinks::trim);
    }

    private static String trim(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
