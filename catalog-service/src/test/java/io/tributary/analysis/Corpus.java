package io.tributary.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the analysis corpus: blocks that start with {@code -- name: ...}, then {@code -- key: value} lines, then the
 * statement. Keys: {@code kind} (required), {@code reads}, {@code writes}, {@code views} (absent means none),
 * {@code target} (as {@link ObjectReference#toString()} prints it; absent means none) and {@code scope}
 * ({@code catalog.database}; absent means {@link #DEFAULT_SCOPE}). Tables are written {@code catalog.db.table}, with
 * back-ticks around parts that need them and {@code {a,b}} for the columns used, separated by commas.
 */
final class Corpus {

    static final SessionScope DEFAULT_SCOPE = new SessionScope("cat", "db");
    private static final Pattern HEADER = Pattern.compile("-- (name|kind|reads|writes|views|target|scope):(.*)");

    private Corpus() {}

    static List<CorpusEntry> load(String resource) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<CorpusEntry> parse(String text) {
        List<CorpusEntry> entries = new ArrayList<>();
        Map<String, String> headers = new HashMap<>();
        StringBuilder statement = new StringBuilder();
        int entryLine = 0;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher header = HEADER.matcher(lines[i]);
            if (header.matches()) {
                if (header.group(1).equals("name")) {
                    if (!headers.isEmpty()) {
                        entries.add(entry(headers, statement.toString(), entryLine));
                    }
                    headers.clear();
                    statement.setLength(0);
                    entryLine = i + 1;
                }
                headers.put(header.group(1), header.group(2).trim());
            } else if (!headers.isEmpty()) {
                statement.append(lines[i]).append('\n');
            }
        }
        if (!headers.isEmpty()) {
            entries.add(entry(headers, statement.toString(), entryLine));
        }
        return entries;
    }

    private static CorpusEntry entry(Map<String, String> headers, String statement, int line) {
        if (!headers.containsKey("kind") || statement.isBlank()) {
            throw new IllegalArgumentException("corpus entry at line " + line + " needs a kind and a statement");
        }
        SessionScope scope = Optional.ofNullable(headers.get("scope"))
                .map(Corpus::scope)
                .orElse(DEFAULT_SCOPE);
        Set<TablePath> views = new HashSet<>();
        tables(headers.getOrDefault("views", "")).forEach(reference -> views.add(reference.path()));
        return new CorpusEntry(
                headers.get("name"),
                line,
                scope,
                statement.strip(),
                StatementKind.valueOf(headers.get("kind")),
                tables(headers.getOrDefault("reads", "")),
                tables(headers.getOrDefault("writes", "")),
                views,
                Optional.ofNullable(headers.get("target")).filter(target -> !target.isEmpty()));
    }

    private static SessionScope scope(String text) {
        List<String> parts = nameParts(text);
        return new SessionScope(parts.get(0), parts.get(1));
    }

    /** {@code c.db.t{a,b}, c.db.u}. */
    static Set<TableReference> tables(String text) {
        Set<TableReference> tables = new LinkedHashSet<>();
        for (String item : splitOutside(text, ',')) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            Set<String> columns = new HashSet<>();
            String name = trimmed;
            if (trimmed.endsWith("}")) {
                int open = trimmed.lastIndexOf('{');
                name = trimmed.substring(0, open);
                for (String column : splitOutside(trimmed.substring(open + 1, trimmed.length() - 1), ',')) {
                    columns.add(unquote(column.trim()));
                }
            }
            List<String> parts = nameParts(name);
            if (parts.size() != 3) {
                throw new IllegalArgumentException("not catalog.database.table: " + name);
            }
            tables.add(TableReference.of(new TablePath(parts.get(0), parts.get(1), parts.get(2)), columns));
        }
        return tables;
    }

    private static List<String> nameParts(String name) {
        return splitOutside(name.trim(), '.').stream().map(part -> unquote(part.trim())).toList();
    }

    private static String unquote(String part) {
        if (part.length() >= 2 && part.startsWith("`") && part.endsWith("`")) {
            return part.substring(1, part.length() - 1).replace("``", "`");
        }
        return part;
    }

    /** Splits at {@code separator} outside back-ticks and braces. */
    private static List<String> splitOutside(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int braces = 0;
        for (char c : text.toCharArray()) {
            if (c == '`') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                braces++;
            } else if (!quoted && c == '}') {
                braces--;
            }
            if (c == separator && !quoted && braces == 0) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
