package io.tributary.catalog.search;

import static java.util.Objects.requireNonNull;

import io.tributary.analysis.TablePath;
import io.tributary.catalog.search.SearchHit.MatchField;
import io.tributary.catalog.search.SearchHit.MatchQuality;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * An in-memory index of the tables, views and columns of every catalog, searched by their names, the words of their
 * comments and their connector types.
 *
 * <p><b>Ranking.</b> Name matches come first: the whole name, then its start, then anywhere in it; then matches of a
 * comment word or connector type, in the same order. Within each of those, tables and views come before columns,
 * then shorter matched terms before longer ones.
 *
 * <p><b>Structure.</b> Every distinct lower-case term (a name, a comment word, a connector type) is stored once, with
 * four posting lists of the objects it belongs to (table names, column names, table comments and connectors,
 * column comments) as packed {@code long}s. A query word finds its terms through a trigram index of the terms (or a
 * scan of them, for words shorter than three characters), then walks the posting lists in rank order and stops once
 * it has the page it needs. A change of one table replaces it in a new slot; postings of the old slot are skipped
 * until a compaction rebuilds the index once half of its slots are dead.
 *
 * <p><b>Changes and refreshes.</b> Changes that follow DDL ({@link #put}, {@link #remove}) are stamped; a refresh of
 * a catalog ({@link #replaceCatalog}) that began before such a change keeps the changed table as the change left
 * it, so a refresh read just before a CREATE TABLE never removes the new table.
 *
 * <p>Thread-safe: searches share a read lock, changes take the write lock.
 */
public final class MetadataIndex {

    private static final Pattern WORD_SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}_]+");
    private static final Pattern QUERY_SEPARATORS = Pattern.compile("\\s+");

    /** Posting lists of a term. */
    private static final int TABLE_NAMES = 0;
    private static final int COLUMN_NAMES = 1;
    private static final int TABLE_OTHER = 2;
    private static final int COLUMN_OTHER = 3;

    /** An entry: slot (bits 21+), connector flag (bit 20: else a comment word), column index (bits 0-19). */
    private static final int COLUMN_BITS = 20;
    private static final long COLUMN_MASK = (1L << COLUMN_BITS) - 1;
    private static final long CONNECTOR_FLAG = 1L << COLUMN_BITS;
    private static final int SLOT_SHIFT = COLUMN_BITS + 1;
    private static final int MAX_COLUMNS = (int) COLUMN_MASK;
    private static final int MIN_COMPACTION_SLOTS = 10_000;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, String> canonical = new HashMap<>();
    private final Map<TablePath, Integer> slotByPath = new HashMap<>();
    private final Map<String, Term> terms = new HashMap<>();
    private final List<Term> termsById = new ArrayList<>();
    private final Map<Long, IntList> trigrams = new HashMap<>();
    private final Map<TablePath, Long> changedAt = new HashMap<>();
    private IndexedTable[] slots = new IndexedTable[1024];
    private int usedSlots;
    private int liveTables;
    private long liveColumns;
    private long changes;

    /** Adds a table, or replaces the one at its path: a change that follows DDL. */
    public void put(IndexedTable table) {
        requireNonNull(table, "table is null");
        lock.writeLock().lock();
        try {
            changedAt.put(table.path(), ++changes);
            store(table);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the table at a path, if any: a change that follows DDL. */
    public void remove(TablePath path) {
        requireNonNull(path, "path is null");
        lock.writeLock().lock();
        try {
            changedAt.put(path, ++changes);
            drop(path);
            compactIfSparse();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes every table of a database (DROP DATABASE). */
    public void removeDatabase(String catalog, String database) {
        removeWhere(path -> path.catalog().equals(catalog) && path.database().equals(database));
    }

    /** Removes every table of a catalog (DROP CATALOG, or a catalog that is no longer stored). */
    public void removeCatalog(String catalog) {
        removeWhere(path -> path.catalog().equals(catalog));
    }

    private void removeWhere(java.util.function.Predicate<TablePath> which) {
        lock.writeLock().lock();
        try {
            for (TablePath path : List.copyOf(slotByPath.keySet())) {
                if (which.test(path)) {
                    changedAt.put(path, ++changes);
                    drop(path);
                }
            }
            compactIfSparse();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A mark to pass to {@link #replaceCatalog} for a refresh that starts reading a catalog now. */
    public long beginRefresh() {
        lock.readLock().lock();
        try {
            return changes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * Makes the index hold exactly {@code tables} for {@code catalog}, as a refresh read them, except for tables that
     * DDL changed after {@code refreshMark} (those stay as the change left them). Unchanged tables keep their slots.
     */
    public void replaceCatalog(String catalog, Collection<IndexedTable> tables, long refreshMark) {
        requireNonNull(catalog, "catalog is null");
        requireNonNull(tables, "tables is null");
        lock.writeLock().lock();
        try {
            Map<TablePath, IndexedTable> read = new HashMap<>();
            for (IndexedTable table : tables) {
                if (!table.path().catalog().equals(catalog)) {
                    throw new IllegalArgumentException(table.path() + " is not in catalog " + catalog);
                }
                read.put(table.path(), table);
            }
            for (TablePath path : List.copyOf(slotByPath.keySet())) {
                if (path.catalog().equals(catalog) && !read.containsKey(path) && !changedSince(path, refreshMark)) {
                    drop(path);
                }
            }
            for (IndexedTable table : read.values()) {
                if (!changedSince(table.path(), refreshMark)) {
                    store(table);
                }
            }
            changedAt.entrySet().removeIf(entry -> entry.getKey().catalog().equals(catalog)
                    && entry.getValue() <= refreshMark);
            compactIfSparse();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private boolean changedSince(TablePath path, long mark) {
        Long changed = changedAt.get(path);
        return changed != null && changed > mark;
    }

    /** The catalogs the index holds tables of. */
    public Set<String> catalogs() {
        lock.readLock().lock();
        try {
            Set<String> catalogs = new HashSet<>();
            slotByPath.keySet().forEach(path -> catalogs.add(path.catalog()));
            return catalogs;
        } finally {
            lock.readLock().unlock();
        }
    }

    public Optional<IndexedTable> table(TablePath path) {
        lock.readLock().lock();
        try {
            Integer slot = slotByPath.get(path);
            return slot == null ? Optional.empty() : Optional.of(slots[slot]);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** How many tables and views, columns and distinct terms the index holds. */
    public Statistics statistics() {
        lock.readLock().lock();
        try {
            return new Statistics(liveTables, liveColumns, terms.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    public record Statistics(int tables, long columns, int terms) {}

    // ---------------------------------------------------------------------------------------------------- search

    /** The objects the request finds, best first (see the class comment for the order). */
    public SearchResults search(SearchRequest request) {
        requireNonNull(request, "request is null");
        List<String> words = QUERY_SEPARATORS.splitAsStream(request.query().strip().toLowerCase(Locale.ROOT))
                .filter(word -> !word.isEmpty())
                .distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
        String leading = words.get(0);
        List<String> others = words.subList(1, words.size());
        lock.readLock().lock();
        try {
            Collector collector = new Collector(request, others);
            List<List<Term>> byQuality = matchingTerms(leading);
            // Name matches before comment and connector matches; in each, exact, prefix, contains; tables first.
            for (int group : new int[] {TABLE_NAMES, TABLE_OTHER}) {
                for (MatchQuality quality : MatchQuality.values()) {
                    for (int postings : new int[] {group, group + 1}) {
                        for (Term term : byQuality.get(quality.ordinal())) {
                            if (collector.collect(term, postings, quality)) {
                                return collector.results();
                            }
                        }
                    }
                }
            }
            return collector.results();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The terms that hold {@code word}, by match quality (exact, prefix, contains), shorter terms first. */
    private List<List<Term>> matchingTerms(String word) {
        List<List<Term>> byQuality = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        if (word.length() >= 3) {
            IntList candidates = null;
            for (int i = 0; i + 3 <= word.length(); i++) {
                IntList ids = trigrams.get(trigram(word, i));
                if (ids == null) {
                    return byQuality;
                }
                if (candidates == null || ids.size < candidates.size) {
                    candidates = ids;
                }
            }
            for (int i = 0; i < candidates.size; i++) {
                classify(termsById.get(candidates.values[i]), word, byQuality);
            }
        } else {
            for (Term term : termsById) {
                classify(term, word, byQuality);
            }
        }
        Comparator<Term> order = Comparator.comparingInt((Term term) -> term.text.length())
                .thenComparing(term -> term.text);
        byQuality.forEach(list -> list.sort(order));
        return byQuality;
    }

    private static void classify(Term term, String word, List<List<Term>> byQuality) {
        String text = term.text;
        if (text.equals(word)) {
            byQuality.get(MatchQuality.EXACT.ordinal()).add(term);
        } else if (text.startsWith(word)) {
            byQuality.get(MatchQuality.PREFIX.ordinal()).add(term);
        } else if (text.contains(word)) {
            byQuality.get(MatchQuality.CONTAINS.ordinal()).add(term);
        }
    }

    /** Gathers one page of hits, each object once (at its best rank). */
    private final class Collector {
        private final SearchRequest request;
        private final List<String> others;
        private final int wanted;
        private final Set<Long> seen = new HashSet<>();
        private final List<SearchHit> hits = new ArrayList<>();
        private int skipped;
        private boolean more;

        Collector(SearchRequest request, List<String> others) {
            this.request = request;
            this.others = others;
            this.wanted = request.limit();
        }

        /** Adds the hits of one posting list of a term; true once the page is full and one more hit was seen. */
        boolean collect(Term term, int postings, MatchQuality quality) {
            LongList entries = term.postings[postings];
            if (entries == null) {
                return false;
            }
            boolean column = postings == COLUMN_NAMES || postings == COLUMN_OTHER;
            for (int i = 0; i < entries.size; i++) {
                long entry = entries.values[i];
                int slot = (int) (entry >>> SLOT_SHIFT);
                IndexedTable table = slots[slot];
                if (table == null || !inScope(table.path())) {
                    continue;
                }
                int columnIndex = (int) (entry & COLUMN_MASK);
                long object = (((long) slot) << COLUMN_BITS) | (column ? columnIndex + 1L : 0L);
                if (seen.contains(object)) {
                    continue;
                }
                IndexedColumn indexedColumn = column ? table.columns().get(columnIndex) : null;
                if (!others.isEmpty() && !matchesOthers(table, indexedColumn)) {
                    continue;
                }
                seen.add(object);
                if (skipped < request.offset()) {
                    skipped++;
                    continue;
                }
                if (hits.size() == wanted) {
                    more = true;
                    return true;
                }
                MatchField field = postings == TABLE_NAMES || postings == COLUMN_NAMES ? MatchField.NAME
                        : (entry & CONNECTOR_FLAG) != 0 ? MatchField.CONNECTOR : MatchField.COMMENT;
                hits.add(hit(table, indexedColumn, field, quality));
            }
            return false;
        }

        private boolean inScope(TablePath path) {
            return request.catalog().map(path.catalog()::equals).orElse(true)
                    && request.database().map(path.database()::equals).orElse(true);
        }

        private boolean matchesOthers(IndexedTable table, IndexedColumn column) {
            String text = searchableText(table, column);
            for (String word : others) {
                if (!text.contains(word)) {
                    return false;
                }
            }
            return true;
        }

        SearchResults results() {
            return new SearchResults(hits, more);
        }
    }

    /** What the other words of a query must occur in: the object's (and a column's table's) texts. */
    private static String searchableText(IndexedTable table, IndexedColumn column) {
        StringBuilder text = new StringBuilder(table.path().table());
        table.comment().ifPresent(comment -> text.append('\n').append(comment));
        table.connector().ifPresent(connector -> text.append('\n').append(connector));
        if (column != null) {
            text.append('\n').append(column.name());
            column.comment().ifPresent(comment -> text.append('\n').append(comment));
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    private static SearchHit hit(IndexedTable table, IndexedColumn column, MatchField field, MatchQuality quality) {
        if (column == null) {
            SearchHit.Kind kind = table.kind() == IndexedTable.ObjectKind.VIEW ? SearchHit.Kind.VIEW
                    : SearchHit.Kind.TABLE;
            return new SearchHit(kind, table.path(), Optional.empty(), Optional.empty(), table.comment(),
                    table.connector(), field, quality);
        }
        return new SearchHit(SearchHit.Kind.COLUMN, table.path(), Optional.of(column.name()),
                Optional.of(column.type()), column.comment(), table.connector(), field, quality);
    }

    // ---------------------------------------------------------------------------------------------------- storage

    /** Stores a table in a new slot (under the write lock), unless the same definition is stored already. */
    private void store(IndexedTable table) {
        Integer current = slotByPath.get(table.path());
        if (current != null && slots[current].equals(table)) {
            return;
        }
        if (table.columns().size() > MAX_COLUMNS) {
            throw new IllegalArgumentException(table.path() + " has more columns than the index holds");
        }
        drop(table.path());
        IndexedTable stored = canonical(table);
        int slot = newSlot(stored);
        slotByPath.put(stored.path(), slot);
        liveTables++;
        liveColumns += stored.columns().size();
        addPostings(slot, stored);
        compactIfSparse();
    }

    private void drop(TablePath path) {
        Integer slot = slotByPath.remove(path);
        if (slot != null) {
            liveTables--;
            liveColumns -= slots[slot].columns().size();
            slots[slot] = null;
        }
    }

    private int newSlot(IndexedTable table) {
        if (usedSlots == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[usedSlots] = table;
        return usedSlots++;
    }

    private void addPostings(int slot, IndexedTable table) {
        long base = ((long) slot) << SLOT_SHIFT;
        term(table.path().table()).add(TABLE_NAMES, base);
        table.comment().ifPresent(comment -> {
            for (String word : words(comment)) {
                term(word).add(TABLE_OTHER, base);
            }
        });
        table.connector().ifPresent(connector -> term(connector).add(TABLE_OTHER, base | CONNECTOR_FLAG));
        List<IndexedColumn> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            IndexedColumn column = columns.get(i);
            long entry = base | i;
            term(column.name()).add(COLUMN_NAMES, entry);
            if (column.comment().isPresent()) {
                for (String word : words(column.comment().get())) {
                    term(word).add(COLUMN_OTHER, entry);
                }
            }
        }
    }

    private static Set<String> words(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String word : WORD_SEPARATORS.split(text.toLowerCase(Locale.ROOT))) {
            if (word.length() > 1) {
                words.add(word);
            }
        }
        return words;
    }

    private Term term(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        Term term = terms.get(lower);
        if (term == null) {
            term = new Term(intern(lower), termsById.size());
            terms.put(term.text, term);
            termsById.add(term);
            for (int i = 0; i + 3 <= term.text.length(); i++) {
                trigrams.computeIfAbsent(trigram(term.text, i), ignored -> new IntList()).addOnce(term.id);
            }
        }
        return term;
    }

    private static long trigram(String text, int at) {
        return ((long) text.charAt(at) << 32) | ((long) text.charAt(at + 1) << 16) | text.charAt(at + 2);
    }

    /** One copy of each repeated string (terms, catalogs, databases, column names, types): a smaller index. */
    private String intern(String value) {
        String existing = canonical.putIfAbsent(value, value);
        return existing == null ? value : existing;
    }

    private IndexedTable canonical(IndexedTable table) {
        List<IndexedColumn> columns = new ArrayList<>(table.columns().size());
        for (IndexedColumn column : table.columns()) {
            // Comments are mostly distinct: interning them would cost more than it saves.
            columns.add(new IndexedColumn(intern(column.name()), intern(column.type()), column.comment()));
        }
        TablePath path = new TablePath(intern(table.path().catalog()), intern(table.path().database()),
                table.path().table());
        return new IndexedTable(path, table.kind(), table.comment(), table.connector().map(this::intern), columns);
    }

    /** Rebuilds the index from its live tables once dead slots outnumber them. */
    private void compactIfSparse() {
        int dead = usedSlots - liveTables;
        if (dead < MIN_COMPACTION_SLOTS || dead < liveTables) {
            return;
        }
        List<IndexedTable> live = new ArrayList<>(liveTables);
        for (int i = 0; i < usedSlots; i++) {
            if (slots[i] != null) {
                live.add(slots[i]);
            }
        }
        slots = new IndexedTable[Math.max(1024, live.size() * 2)];
        usedSlots = 0;
        slotByPath.clear();
        terms.clear();
        termsById.clear();
        trigrams.clear();
        canonical.clear();
        liveTables = 0;
        liveColumns = 0;
        for (IndexedTable table : live) {
            IndexedTable stored = canonical(table);
            int slot = newSlot(stored);
            slotByPath.put(stored.path(), slot);
            liveTables++;
            liveColumns += stored.columns().size();
            addPostings(slot, stored);
        }
    }

    /** A distinct lower-case term and the objects it belongs to. */
    private static final class Term {
        final String text;
        final int id;
        final LongList[] postings = new LongList[4];

        Term(String text, int id) {
            this.text = text;
            this.id = id;
        }

        void add(int list, long entry) {
            LongList entries = postings[list];
            if (entries == null) {
                entries = new LongList();
                postings[list] = entries;
            }
            entries.add(entry);
        }
    }

    private static final class LongList {
        long[] values = new long[2];
        int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }

    private static final class IntList {
        int[] values = new int[4];
        int size;

        void addOnce(int value) {
            if (size > 0 && values[size - 1] == value) {
                return;
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }
    }
}
