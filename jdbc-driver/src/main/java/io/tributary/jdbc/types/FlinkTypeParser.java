package io.tributary.jdbc.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a type as Flink prints it in DESCRIBE and in the management API ({@code DECIMAL(10, 2) NOT NULL},
 * {@code TIMESTAMP(3) *ROWTIME*}, {@code MAP<STRING, ARRAY<INT>>}, {@code ROW<`a` INT, `b` STRING>}). A type it
 * cannot read becomes {@link TypeRoot#UNRESOLVED} rather than an error: browsing must not fail on an exotic column.
 */
public final class FlinkTypeParser {

    private final List<String> tokens;
    private int position;

    private FlinkTypeParser(List<String> tokens) {
        this.tokens = tokens;
    }

    public static FlinkType parse(String text) {
        if (text == null || text.isBlank()) {
            return FlinkType.of(TypeRoot.UNRESOLVED, true);
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        try {
            FlinkTypeParser parser = new FlinkTypeParser(tokenize(trimmed));
            return parser.type();
        } catch (RuntimeException e) {
            return FlinkType.of(TypeRoot.UNRESOLVED, true);
        }
    }

    private FlinkType type() {
        FlinkType type = baseType();
        boolean nullable = true;
        while (position < tokens.size()) {
            String token = peek();
            if (token.equals("NOT") && position + 1 < tokens.size() && tokens.get(position + 1).equals("NULL")) {
                position += 2;
                nullable = false;
            } else if (token.equals("NULL")) {
                position++;
            } else if (token.startsWith("*") || token.equals("ARRAY") || token.equals("MULTISET")) {
                position++;
                if (token.equals("ARRAY") || token.equals("MULTISET")) {
                    type = FlinkType.composite(TypeRoot.valueOf(token), true, List.of(type), List.of());
                }
            } else {
                break;
            }
        }
        return type.withNullable(nullable);
    }

    private FlinkType baseType() {
        String name = next();
        switch (name) {
            case "CHAR":
            case "CHARACTER":
                return FlinkType.sized(TypeRoot.CHAR, true, optionalNumber(1));
            case "VARCHAR":
                return FlinkType.sized(TypeRoot.VARCHAR, true, optionalNumber(1));
            case "STRING":
                return FlinkType.string();
            case "BINARY":
                return FlinkType.sized(TypeRoot.BINARY, true, optionalNumber(1));
            case "VARBINARY":
                return FlinkType.sized(TypeRoot.VARBINARY, true, optionalNumber(1));
            case "BYTES":
                return FlinkType.sized(TypeRoot.VARBINARY, true, FlinkType.MAX_LENGTH);
            case "BOOLEAN":
                return FlinkType.of(TypeRoot.BOOLEAN, true);
            case "TINYINT":
                return FlinkType.of(TypeRoot.TINYINT, true);
            case "SMALLINT":
                return FlinkType.of(TypeRoot.SMALLINT, true);
            case "INT":
            case "INTEGER":
                return FlinkType.of(TypeRoot.INTEGER, true);
            case "BIGINT":
                return FlinkType.of(TypeRoot.BIGINT, true);
            case "FLOAT":
            case "REAL":
                return FlinkType.of(TypeRoot.FLOAT, true);
            case "DOUBLE":
                accept("PRECISION");
                return FlinkType.of(TypeRoot.DOUBLE, true);
            case "DECIMAL":
            case "DEC":
            case "NUMERIC":
                return decimal();
            case "DATE":
                return FlinkType.of(TypeRoot.DATE, true);
            case "TIME":
                int timePrecision = optionalNumber(0);
                acceptAll("WITHOUT", "TIME", "ZONE");
                return FlinkType.precise(TypeRoot.TIME_WITHOUT_TIME_ZONE, true, timePrecision, 0);
            case "TIMESTAMP":
                return timestamp();
            case "TIMESTAMP_LTZ":
                return FlinkType.precise(TypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, true, optionalNumber(6), 0);
            case "INTERVAL":
                return interval();
            case "ARRAY":
            case "MULTISET":
                expect("<");
                FlinkType element = type();
                expect(">");
                return FlinkType.composite(TypeRoot.valueOf(name), true, List.of(element), List.of());
            case "MAP":
                expect("<");
                FlinkType key = type();
                expect(",");
                FlinkType value = type();
                expect(">");
                return FlinkType.composite(TypeRoot.MAP, true, List.of(key, value), List.of());
            case "ROW":
                return row();
            case "NULL":
                return FlinkType.of(TypeRoot.NULL, true);
            case "RAW":
                skipParenthesised();
                return FlinkType.of(TypeRoot.RAW, true);
            default:
                throw new IllegalArgumentException("unknown type " + name);
        }
    }

    private FlinkType decimal() {
        int precision = 10;
        int scale = 0;
        if (accept("(")) {
            precision = Integer.parseInt(next());
            if (accept(",")) {
                scale = Integer.parseInt(next());
            }
            expect(")");
        }
        return FlinkType.precise(TypeRoot.DECIMAL, true, precision, scale);
    }

    private FlinkType timestamp() {
        int precision = optionalNumber(6);
        if (acceptAll("WITH", "LOCAL", "TIME", "ZONE")) {
            return FlinkType.precise(TypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE, true, precision, 0);
        }
        if (acceptAll("WITH", "TIME", "ZONE")) {
            return FlinkType.precise(TypeRoot.TIMESTAMP_WITH_TIME_ZONE, true, precision, 0);
        }
        acceptAll("WITHOUT", "TIME", "ZONE");
        return FlinkType.precise(TypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE, true, precision, 0);
    }

    private FlinkType interval() {
        String unit = next();
        int leading = optionalNumber(2);
        int fraction = 6;
        String last = unit;
        if (accept("TO")) {
            last = next();
            fraction = optionalNumber(6);
        } else if (unit.equals("SECOND")) {
            fraction = 6;
        }
        boolean yearMonth = unit.equals("YEAR") || unit.equals("MONTH");
        return yearMonth ? FlinkType.precise(TypeRoot.INTERVAL_YEAR_MONTH, true, leading, 0)
                : FlinkType.precise(TypeRoot.INTERVAL_DAY_TIME, true, leading, last.equals("SECOND") ? fraction : 0);
    }

    private FlinkType row() {
        List<FlinkType> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        String close = accept("<") ? ">" : null;
        if (close == null) {
            expect("(");
            close = ")";
        }
        while (!accept(close)) {
            if (!fields.isEmpty()) {
                expect(",");
            }
            String name = next();
            names.add(name.startsWith("`") ? name.substring(1, name.length() - 1).replace("``", "`") : name);
            fields.add(type());
            if (position < tokens.size() && peek().startsWith("'")) {
                position++;
            }
        }
        return FlinkType.composite(TypeRoot.ROW, true, fields, names);
    }

    private int optionalNumber(int otherwise) {
        if (accept("(")) {
            int value = Integer.parseInt(next());
            expect(")");
            return value;
        }
        return otherwise;
    }

    private void skipParenthesised() {
        if (!accept("(")) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            String token = next();
            depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
        }
    }

    private boolean acceptAll(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (position + i >= tokens.size() || !tokens.get(position + i).equals(words[i])) {
                return false;
            }
        }
        position += words.length;
        return true;
    }

    private boolean accept(String token) {
        if (position < tokens.size() && tokens.get(position).equals(token)) {
            position++;
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!accept(token)) {
            throw new IllegalArgumentException("expected " + token);
        }
    }

    private String peek() {
        return tokens.get(position);
    }

    private String next() {
        return tokens.get(position++);
    }

    private static List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '`' || c == '\'') {
                int end = i + 1;
                while (end < text.length()) {
                    if (text.charAt(end) == c) {
                        if (end + 1 < text.length() && text.charAt(end + 1) == c) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                tokens.add(text.substring(i, Math.min(end + 1, text.length())));
                i = end + 1;
            } else if ("()<>,".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
                i++;
            } else {
                int end = i;
                while (end < text.length() && !Character.isWhitespace(text.charAt(end))
                        && "()<>,`'".indexOf(text.charAt(end)) < 0) {
                    end++;
                }
                String word = text.substring(i, end);
                tokens.add(word.startsWith("*") ? word : word.toUpperCase(Locale.ROOT));
                i = end;
            }
        }
        return tokens;
    }
}
