package io.tributary.analysis;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The common table expressions (WITH names) visible at a point of a query, with their columns where known. */
final class Ctes {

    static final Ctes NONE = new Ctes(Map.of());

    private final Map<String, Optional<Set<String>>> columns;

    private Ctes(Map<String, Optional<Set<String>>> columns) {
        this.columns = columns;
    }

    Ctes with(String name, Optional<Set<String>> cteColumns) {
        Map<String, Optional<Set<String>>> more = new HashMap<>(columns);
        more.put(name, cteColumns);
        return new Ctes(Map.copyOf(more));
    }

    /** The CTE's columns (empty when unknown), or null when {@code name} is not a CTE here. */
    Optional<Set<String>> columnsOf(String name) {
        return columns.get(name);
    }

    boolean has(String name) {
        return columns.containsKey(name);
    }
}
