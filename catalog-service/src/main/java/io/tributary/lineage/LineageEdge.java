package io.tributary.lineage;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;

/** Data flows from one table to another, through a job or statements. */
public record LineageEdge(TablePath from, TablePath to, LineageVia via) {

    public LineageEdge {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(via, "via is null");
    }
}
