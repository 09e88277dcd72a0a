package io.tributary.server.lineage;

import static java.util.Objects.requireNonNull;

import io.swagger.v3.oas.annotations.Operation;
import io.tributary.analysis.TablePath;
import io.tributary.job.ManagedJob;
import io.tributary.job.ManagedJobRepository;
import io.tributary.lineage.Lineage;
import io.tributary.lineage.LineageEdge;
import io.tributary.lineage.LineageGraph;
import io.tributary.lineage.LineageNode;
import io.tributary.lineage.LineageVia;
import io.tributary.lineage.StatementLineageRepository;
import io.tributary.lineage.TableFlow;
import io.tributary.server.error.ErrorCode;
import io.tributary.server.error.TributaryException;
import io.tributary.server.statement.TableNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Table lineage: the tables whose data flows into a table (upstream) and those its data flows into (downstream),
 * transitively, through managed jobs (their current versions) and through statements run in sessions (INSERT,
 * CTAS/RTAS, STATEMENT SET).
 */
@RestController
@RequestMapping("/api/v1/lineage")
class LineageController {

    private static final int DEFAULT_DEPTH = 5;

    private final StatementLineageRepository statements;
    private final ManagedJobRepository jobs;
    private final JobTables jobTables;

    LineageController(StatementLineageRepository statements, ManagedJobRepository jobs, JobTables jobTables) {
        this.statements = requireNonNull(statements, "statements is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.jobTables = requireNonNull(jobTables, "jobTables is null");
    }

    record Node(String table, String catalog, String database, String name, String direction, int distance) {

        static Node of(LineageNode node, String direction) {
            TablePath path = node.table();
            return new Node(path.toString(), path.catalog(), path.database(), path.table(), direction,
                    node.distance());
        }
    }

    record Via(String kind, String id, String name, Long statements, Instant lastSeenAt, String state) {}

    record Edge(String from, String to, Via via) {}

    record Answer(String table, int depth, List<Node> nodes, List<Edge> edges, List<String> upstream,
            List<String> downstream) {}

    @GetMapping
    @Operation(summary = "Upstream and downstream tables of ?table=catalog.db.table, transitively up to ?depth"
            + " edges (default 5, at most 50), as nodes and edges; an edge goes via a managed job or statements")
    Answer lineage(@RequestParam(required = false) String table,
            @RequestParam(defaultValue = "" + DEFAULT_DEPTH) int depth) {
        if (table == null || table.isBlank()) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST, "table is required (catalog.database.table)");
        }
        if (depth < 1 || depth > LineageGraph.MAX_DEPTH) {
            throw new TributaryException(ErrorCode.INVALID_REQUEST,
                    "depth must be between 1 and " + LineageGraph.MAX_DEPTH + ", was " + depth);
        }
        TablePath path = TableNames.parse("table", table);
        List<LineageEdge> edges = new ArrayList<>(statements.all());
        Map<String, String> jobStates = new java.util.HashMap<>();
        for (ManagedJob job : jobs.list()) {
            jobStates.put(job.id(), job.state().name());
            for (TableFlow flow : jobTables.of(job).flows()) {
                edges.add(new LineageEdge(flow.from(), flow.to(), LineageVia.job(job.id(), job.name())));
            }
        }
        Lineage lineage = LineageGraph.of(edges).around(path, depth);
        List<Node> nodes = new ArrayList<>();
        nodes.add(Node.of(new LineageNode(path, 0), "SELF"));
        lineage.upstream().forEach(node -> nodes.add(Node.of(node, "UPSTREAM")));
        lineage.downstream().forEach(node -> nodes.add(Node.of(node, "DOWNSTREAM")));
        List<Edge> answerEdges = lineage.edges().stream().map(edge -> new Edge(edge.from().toString(),
                edge.to().toString(), via(edge.via(), jobStates))).toList();
        return new Answer(path.toString(), depth, nodes, answerEdges,
                lineage.upstream().stream().map(node -> node.table().toString()).toList(),
                lineage.downstream().stream().map(node -> node.table().toString()).toList());
    }

    private static Via via(LineageVia via, Map<String, String> jobStates) {
        return via.kind() == LineageVia.Kind.JOB
                ? new Via("JOB", via.id(), via.name().orElse(null), null, null, jobStates.get(via.id()))
                : new Via("STATEMENT", via.id(), null, via.statements(), via.lastSeenAt().orElse(null), null);
    }
}
