package io.tributary.catalog.builtin;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.flink.table.catalog.stats.CatalogColumnStatistics;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataBase;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataBinary;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataBoolean;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataDate;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataDouble;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataLong;
import org.apache.flink.table.catalog.stats.CatalogColumnStatisticsDataString;
import org.apache.flink.table.catalog.stats.CatalogTableStatistics;
import org.apache.flink.table.catalog.stats.Date;
import org.apache.flink.table.catalog.exceptions.CatalogException;

/**
 * Flink's table and column statistics as string properties, the way the {@code tributary} catalog stores them.
 *
 * <p>Table statistics: {@code row-count}, {@code file-count}, {@code total-size}, {@code raw-data-size} and
 * {@code property.<key>}. Column statistics: {@code property.<key>}, and for the i-th column
 * {@code column.<i>.name}, {@code column.<i>.type} (BOOLEAN, LONG, DOUBLE, STRING, BINARY or DATE, Flink's kinds
 * of column statistics), {@code column.<i>.null-count}, the figures of its kind ({@code true-count},
 * {@code false-count}, {@code min}, {@code max}, {@code ndv}, {@code max-length}, {@code average-length}; dates as
 * days since the epoch) and {@code column.<i>.property.<key>}. An unknown figure (null) has no key.
 */
final class StatisticsCodec {

    private static final String PROPERTY = "property.";

    private StatisticsCodec() {}

    static Map<String, String> encodeTable(CatalogTableStatistics statistics) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("row-count", Long.toString(statistics.getRowCount()));
        properties.put("file-count", Integer.toString(statistics.getFileCount()));
        properties.put("total-size", Long.toString(statistics.getTotalSize()));
        properties.put("raw-data-size", Long.toString(statistics.getRawDataSize()));
        statistics.getProperties().forEach((key, value) -> properties.put(PROPERTY + key, value));
        return properties;
    }

    static CatalogTableStatistics decodeTable(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return CatalogTableStatistics.UNKNOWN;
        }
        return new CatalogTableStatistics(
                Long.parseLong(properties.get("row-count")),
                Integer.parseInt(properties.get("file-count")),
                Long.parseLong(properties.get("total-size")),
                Long.parseLong(properties.get("raw-data-size")),
                withPrefix(properties, PROPERTY));
    }

    static Map<String, String> encodeColumns(CatalogColumnStatistics statistics) {
        Map<String, String> properties = new LinkedHashMap<>();
        statistics.getProperties().forEach((key, value) -> properties.put(PROPERTY + key, value));
        int index = 0;
        for (Map.Entry<String, CatalogColumnStatisticsDataBase> column
                : statistics.getColumnStatisticsData().entrySet()) {
            ColumnWriter writer = new ColumnWriter(properties, "column." + index++ + ".");
            writer.put("name", column.getKey());
            writer.encode(column.getValue());
        }
        return properties;
    }

    static CatalogColumnStatistics decodeColumns(Map<String, String> properties) {
        if (properties.isEmpty()) {
            return CatalogColumnStatistics.UNKNOWN;
        }
        Map<String, CatalogColumnStatisticsDataBase> columns = new LinkedHashMap<>();
        for (int index = 0; properties.containsKey("column." + index + ".name"); index++) {
            ColumnReader reader = new ColumnReader(properties, "column." + index + ".");
            columns.put(reader.text("name"), reader.decode());
        }
        return new CatalogColumnStatistics(columns, withPrefix(properties, PROPERTY));
    }

    private static Map<String, String> withPrefix(Map<String, String> properties, String prefix) {
        Map<String, String> selected = new HashMap<>();
        properties.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                selected.put(key.substring(prefix.length()), value);
            }
        });
        return selected;
    }

    private record ColumnWriter(Map<String, String> properties, String prefix) {

        void put(String key, Object value) {
            if (value != null) {
                properties.put(prefix + key, value.toString());
            }
        }

        void encode(CatalogColumnStatisticsDataBase data) {
            put("null-count", data.getNullCount());
            data.getProperties().forEach((key, value) -> put(PROPERTY + key, value));
            if (data instanceof CatalogColumnStatisticsDataBoolean b) {
                put("type", "BOOLEAN");
                put("true-count", b.getTrueCount());
                put("false-count", b.getFalseCount());
            } else if (data instanceof CatalogColumnStatisticsDataLong l) {
                put("type", "LONG");
                put("min", l.getMin());
                put("max", l.getMax());
                put("ndv", l.getNdv());
            } else if (data instanceof CatalogColumnStatisticsDataDouble d) {
                put("type", "DOUBLE");
                put("min", d.getMin());
                put("max", d.getMax());
                put("ndv", d.getNdv());
            } else if (data instanceof CatalogColumnStatisticsDataString s) {
                put("type", "STRING");
                put("max-length", s.getMaxLength());
                put("average-length", s.getAvgLength());
                put("ndv", s.getNdv());
            } else if (data instanceof CatalogColumnStatisticsDataBinary b) {
                put("type", "BINARY");
                put("max-length", b.getMaxLength());
                put("average-length", b.getAvgLength());
            } else if (data instanceof CatalogColumnStatisticsDataDate d) {
                put("type", "DATE");
                put("min", d.getMin() == null ? null : d.getMin().getDaysSinceEpoch());
                put("max", d.getMax() == null ? null : d.getMax().getDaysSinceEpoch());
                put("ndv", d.getNdv());
            } else {
                throw new CatalogException("Unknown kind of column statistics: " + data.getClass().getName());
            }
        }
    }

    private record ColumnReader(Map<String, String> properties, String prefix) {

        String text(String key) {
            return properties.get(prefix + key);
        }

        <T> T value(String key, Function<String, T> parse) {
            String text = text(key);
            return text == null ? null : parse.apply(text);
        }

        Long number(String key) {
            return value(key, Long::valueOf);
        }

        CatalogColumnStatisticsDataBase decode() {
            Long nulls = number("null-count");
            Map<String, String> own = withPrefix(withPrefix(properties, prefix), PROPERTY);
            String type = text("type");
            return switch (type) {
                case "BOOLEAN" -> new CatalogColumnStatisticsDataBoolean(
                        number("true-count"), number("false-count"), nulls, own);
                case "LONG" -> new CatalogColumnStatisticsDataLong(
                        number("min"), number("max"), number("ndv"), nulls, own);
                case "DOUBLE" -> new CatalogColumnStatisticsDataDouble(
                        value("min", Double::valueOf), value("max", Double::valueOf), number("ndv"), nulls, own);
                case "STRING" -> new CatalogColumnStatisticsDataString(
                        number("max-length"), value("average-length", Double::valueOf), number("ndv"), nulls, own);
                case "BINARY" -> new CatalogColumnStatisticsDataBinary(
                        number("max-length"), value("average-length", Double::valueOf), nulls, own);
                case "DATE" -> new CatalogColumnStatisticsDataDate(
                        value("min", text -> new Date(Long.parseLong(text))),
                        value("max", text -> new Date(Long.parseLong(text))), number("ndv"), nulls, own);
                default -> throw new CatalogException("Unknown kind of stored column statistics: " + type);
            };
        }
    }
}
