package io.tributary.lineage;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import java.util.List;

/**
 * The tables upstream of a table (whose data flows into it) and downstream (into which its data flows),
 * transitively up to {@code depth} edges away, nearest first, with the edges between them.
 */
public record Lineage(TablePath table, int depth, List<LineageNode> upstream, List<LineageNode> downstream,
        List<LineageEdge> edges) {

    public Lineage {
        requireNonNull(table, "table is null");
        upstream = List.copyOf(upstream);
        downstream = List.copyOf(downstream);
        edges = List.copyOf(edges);
    }
}
