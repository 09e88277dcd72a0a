package io.tributary.catalog.search;

import java.util.List;

/** A page of search results, best first, and whether more follow. */
public record SearchResults(List<SearchHit> hits, boolean more) {

    public SearchResults {
        hits = List.copyOf(hits);
    }
}
