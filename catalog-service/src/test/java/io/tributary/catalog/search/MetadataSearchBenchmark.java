package io.tributary.catalog.search;

import io.tributary.analysis.TablePath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * Measures the metadata search over 100,000 tables of 20 columns (the budget: p99 below 50 ms) and the
 * memory the index takes. Not a test: run its {@code main} on the test class path with a heap of 2 GB or more
 * (see the README's Performance section). Arguments: {@code [tables] [columns per table]}.
 *
 * <p>The catalog is generated with a fixed seed and looks like a warehouse: 5 catalogs of 20 databases, table
 * names made of a layer, an entity, a grain and a number (all distinct), columns drawn from a vocabulary of about
 * 3,000 names (a few common ones such as {@code id} in every table), comments on 60% of the tables and 25% of the
 * columns, made of words from a 2,000-word list. The queries are a mix of what users type: whole table names, name
 * prefixes, column names, fragments of names, comment words, connector types, two-letter words, words that match
 * nothing, and some of those within one catalog or database.
 */
public final class MetadataSearchBenchmark {

    private static final int WARM_UP = 2_000;
    private static final int MEASURED = 5_000;
    private static final int PAGE = 20;
    private static final String[] CATALOGS = {"default_catalog", "hive", "iceberg", "mysql", "pg"};
    private static final String[] CONNECTORS = {"kafka", "hive", "iceberg", "jdbc", "jdbc"};
    private static final String[] LAYERS = {"dim", "fact", "stg", "raw", "agg", "ods", "dwd", "dws", "ads", "tmp"};
    private static final String[] GRAINS = {"daily", "hourly", "snapshot", "events", "latest", "history", "monthly",
        "cdc", "log", "summary"};
    private static final String[] ATTRIBUTES = {"id", "name", "status", "type", "code", "amount", "count", "created_at",
        "updated_at", "deleted", "score", "region", "channel", "source", "version"};
    private static final String[] COMMON = {"id", "created_at", "updated_at", "etl_time", "dt", "tenant_id"};
    private static final String[] TYPES = {"BIGINT", "INT", "STRING", "DOUBLE", "DECIMAL(18, 2)", "TIMESTAMP(3)",
        "BOOLEAN", "DATE", "VARCHAR(64)", "ARRAY<STRING>"};

    /** The kinds of query, in the order {@link #queries} cycles through them. */
    private static final String[] QUERY_KINDS = {"whole table name", "table name prefix", "column name",
        "entity word (in many names)", "attribute word (very common)", "comment word", "connector type",
        "two letters ('id')", "no match", "two words"};

    private MetadataSearchBenchmark() {}

    public static void main(String[] args) {
        int tables = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int columns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Random random = new Random(20_261_124);
        String[] entities = words(random, 200, 4, 9);
        String[] commentWords = words(random, 2_000, 3, 10);

        long before = usedHeapAfterGc();
        long buildStart = System.nanoTime();
        MetadataIndex index = new MetadataIndex();
        List<IndexedTable> sample = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            IndexedTable table = table(random, t, columns, entities, commentWords);
            index.put(table);
            if (t % 97 == 0) {
                sample.add(table);
            }
        }
        double buildSeconds = (System.nanoTime() - buildStart) / 1e9;
        long after = usedHeapAfterGc();
        MetadataIndex.Statistics statistics = index.statistics();

        List<SearchRequest> queries = queries(new Random(7), sample, entities, commentWords);
        for (int i = 0; i < WARM_UP; i++) {
            index.search(queries.get(i % queries.size()));
        }
        long[] nanos = new long[MEASURED];
        List<List<Long>> byKind = new ArrayList<>();
        for (int k = 0; k < QUERY_KINDS.length; k++) {
            byKind.add(new ArrayList<>());
        }
        long hits = 0;
        for (int i = 0; i < MEASURED; i++) {
            SearchRequest query = queries.get(i % queries.size());
            long start = System.nanoTime();
            SearchResults results = index.search(query);
            nanos[i] = System.nanoTime() - start;
            byKind.get((i % queries.size()) % QUERY_KINDS.length).add(nanos[i]);
            hits += results.hits().size();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "index: %,d tables, %,d columns, %,d distinct terms; built in %.1f s%n",
                statistics.tables(), statistics.columns(), statistics.terms(), buildSeconds);
        System.out.printf(Locale.ROOT, "index memory (heap after GC, with the index minus without): %,.0f MB"
                        + " (%.0f bytes per column)%n", (after - before) / 1e6,
                (after - before) / (double) statistics.columns());
        System.out.printf(Locale.ROOT, "search over %,d queries (page of %d, %.1f hits on average) after %,d warm-up"
                        + " queries: median %.2f ms, p99 %.2f ms, max %.2f ms%n", MEASURED, PAGE,
                hits / (double) MEASURED, WARM_UP, millis(nanos[MEASURED / 2]),
                millis(nanos[(int) Math.ceil(MEASURED * 0.99) - 1]), millis(nanos[MEASURED - 1]));
        for (int k = 0; k < QUERY_KINDS.length; k++) {
            long[] kind = byKind.get(k).stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "  %-28s median %6.2f ms, p99 %6.2f ms%n", QUERY_KINDS[k],
                    millis(kind[kind.length / 2]), millis(kind[(int) Math.ceil(kind.length * 0.99) - 1]));
        }
        if (index.statistics().tables() != tables) {
            throw new IllegalStateException("the index lost tables");
        }
    }

    private static IndexedTable table(Random random, int number, int columnCount, String[] entities,
            String[] commentWords) {
        int catalogIndex = number % CATALOGS.length;
        String database = "db_" + (number / CATALOGS.length) % 20;
        String entity = entities[random.nextInt(entities.length)];
        String name = LAYERS[random.nextInt(LAYERS.length)] + "_" + entity + "_"
                + GRAINS[random.nextInt(GRAINS.length)] + "_" + number;
        List<IndexedColumn> columns = new ArrayList<>(columnCount);
        List<String> used = new ArrayList<>();
        for (int c = 0; c < columnCount; c++) {
            String column;
            do {
                column = c < 3 ? COMMON[random.nextInt(COMMON.length)]
                        : (c % 3 == 0 ? entity : entities[random.nextInt(entities.length)]) + "_"
                                + ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
            } while (used.contains(column));
            used.add(column);
            Optional<String> comment = random.nextInt(4) == 0
                    ? Optional.of(sentence(random, commentWords, 5)) : Optional.empty();
            columns.add(new IndexedColumn(column, TYPES[random.nextInt(TYPES.length)], comment));
        }
        Optional<String> comment = random.nextInt(10) < 6
                ? Optional.of(sentence(random, commentWords, 8)) : Optional.empty();
        return new IndexedTable(new TablePath(CATALOGS[catalogIndex], database, name), IndexedTable.ObjectKind.TABLE,
                comment, Optional.of(CONNECTORS[catalogIndex]), columns);
    }

    private static List<SearchRequest> queries(Random random, List<IndexedTable> sample, String[] entities,
            String[] commentWords) {
        List<SearchRequest> queries = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            IndexedTable table = sample.get(random.nextInt(sample.size()));
            String name = table.path().table();
            String query = switch (i % 10) {
                case 0 -> name;
                case 1 -> name.substring(0, Math.min(name.length(), 3 + random.nextInt(6)));
                case 2 -> table.columns().get(3 + random.nextInt(table.columns().size() - 3)).name();
                case 3 -> entities[random.nextInt(entities.length)];
                case 4 -> ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
                case 5 -> commentWords[random.nextInt(commentWords.length)];
                case 6 -> CONNECTORS[random.nextInt(CONNECTORS.length)];
                case 7 -> "id";
                case 8 -> "zq" + random.nextInt(1000) + "x";
                default -> entities[random.nextInt(entities.length)] + " "
                        + ATTRIBUTES[random.nextInt(ATTRIBUTES.length)];
            };
            Optional<String> catalog = i % 7 == 0 ? Optional.of(table.path().catalog()) : Optional.empty();
            Optional<String> database = i % 11 == 0 ? Optional.of(table.path().database()) : Optional.empty();
            queries.add(new SearchRequest(query, catalog, database, 0, PAGE));
        }
        return queries;
    }

    private static String[] words(Random random, int count, int minLength, int maxLength) {
        List<String> words = new ArrayList<>();
        while (words.size() < count) {
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < length; i++) {
                word.append((char) ('a' + random.nextInt(26)));
            }
            if (!words.contains(word.toString())) {
                words.add(word.toString());
            }
        }
        return words.toArray(String[]::new);
    }

    private static String sentence(Random random, String[] words, int length) {
        StringBuilder sentence = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sentence.append(i == 0 ? "" : " ").append(words[random.nextInt(words.length)]);
        }
        return sentence.toString();
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
