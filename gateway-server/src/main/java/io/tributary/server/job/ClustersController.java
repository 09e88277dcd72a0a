package io.tributary.server.job;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.cluster.ClusterDefinition;
import io.tributary.cluster.ClusterRegistry;
import io.tributary.server.api.Actor;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import io.tributary.server.flink.EmbeddedFlinkCluster;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The clusters managed jobs run on: the embedded one and registered standalone session clusters. */
@RestController
@RequestMapping("/api/v1/clusters")
class ClustersController {

    private final ClusterRegistry clusters;
    private final EmbeddedFlinkCluster embedded;

    ClustersController(ClusterRegistry clusters, EmbeddedFlinkCluster embedded) {
        this.clusters = requireNonNull(clusters, "clusters is null");
        this.embedded = requireNonNull(embedded, "embedded is null");
    }

    record Register(String name, String kind, String restAddress) {}

    record ClusterView(String id, String name, String kind, String restAddress, String createdBy, Instant createdAt) {
        static ClusterView of(ClusterDefinition cluster) {
            return new ClusterView(cluster.id(), cluster.name(), cluster.kind().label(),
                    cluster.restAddress().map(Object::toString).orElse(null), cluster.createdBy(),
                    cluster.createdAt());
        }
    }

    @PostMapping
    @Operation(summary = "Register a cluster (kind standalone, with restAddress); it must answer")
    ResponseEntity<ClusterView> register(@RequestBody Register body, HttpServletRequest request) {
        ClusterDefinition cluster = clusters.register(body.name(), body.kind(), body.restAddress(), Actor.of(request));
        return ResponseEntity.status(HttpStatus.CREATED).body(ClusterView.of(cluster));
    }

    @GetMapping
    List<ClusterView> list() {
        List<ClusterView> views = new ArrayList<>();
        views.add(new ClusterView("embedded", "embedded", "embedded", embedded.restAddress().toString(), "tributary",
                null));
        clusters.registered().stream().map(ClusterView::of).forEach(views::add);
        return views;
    }

    @GetMapping("/{id}")
    ClusterView get(@PathVariable String id) {
        if ("embedded".equals(id)) {
            return list().get(0);
        }
        return clusters.find(id).map(ClusterView::of)
                .orElseThrow(() -> new TributaryException(ErrorCode.NOT_FOUND, "no cluster with id '" + id + "'"));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        if (!clusters.remove(id)) {
            throw new TributaryException(ErrorCode.NOT_FOUND, "no cluster with id '" + id + "'");
        }
        return ResponseEntity.noContent().build();
    }
}
