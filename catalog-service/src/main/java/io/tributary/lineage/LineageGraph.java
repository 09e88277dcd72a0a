package io.tributary.lineage;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The lineage edges of all jobs and statements, walked from one table upstream and downstream. Immutable. */
public final class LineageGraph {

    public static final int MAX_DEPTH = 50;

    private final Map<TablePath, List<LineageEdge>> outgoing = new HashMap<>();
    private final Map<TablePath, List<LineageEdge>> incoming = new HashMap<>();

    private LineageGraph(Collection<LineageEdge> edges) {
        for (LineageEdge edge : edges) {
            outgoing.computeIfAbsent(edge.from(), ignored -> new ArrayList<>()).add(edge);
            incoming.computeIfAbsent(edge.to(), ignored -> new ArrayList<>()).add(edge);
        }
    }

    public static LineageGraph of(Collection<LineageEdge> edges) {
        return new LineageGraph(requireNonNull(edges, "edges is null"));
    }

    /** The lineage of {@code table}: every table at most {@code depth} edges upstream and downstream of it. */
    public Lineage around(TablePath table, int depth) {
        requireNonNull(table, "table is null");
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be between 1 and " + MAX_DEPTH + ", was " + depth);
        }
        Set<LineageEdge> edges = new LinkedHashSet<>();
        List<LineageNode> upstream = walk(table, depth, incoming, LineageEdge::from, edges);
        List<LineageNode> downstream = walk(table, depth, outgoing, LineageEdge::to, edges);
        return new Lineage(table, depth, upstream, downstream, List.copyOf(edges));
    }

    /** Breadth first, so each table gets its shortest distance; nearest first, then by name. */
    private static List<LineageNode> walk(TablePath start, int depth, Map<TablePath, List<LineageEdge>> adjacent,
            Function<LineageEdge, TablePath> next, Set<LineageEdge> edgesSeen) {
        Map<TablePath, Integer> distances = new LinkedHashMap<>();
        distances.put(start, 0);
        Deque<TablePath> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            TablePath current = queue.removeFirst();
            int distance = distances.get(current);
            if (distance == depth) {
                continue;
            }
            for (LineageEdge edge : adjacent.getOrDefault(current, List.of())) {
                edgesSeen.add(edge);
                TablePath neighbour = next.apply(edge);
                if (!distances.containsKey(neighbour)) {
                    distances.put(neighbour, distance + 1);
                    queue.addLast(neighbour);
                }
            }
        }
        distances.remove(start);
        return distances.entrySet().stream()
                .map(entry -> new LineageNode(entry.getKey(), entry.getValue()))
                .sorted(Comparator.comparingInt(LineageNode::distance).thenComparing(LineageNode::table))
                .toList();
    }
}
