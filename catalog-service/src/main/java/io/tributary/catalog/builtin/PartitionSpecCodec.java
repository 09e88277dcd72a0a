package io.tributary.catalog.builtin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.apache.flink.table.catalog.CatalogPartitionSpec;

/**
 * The canonical text of a partition spec, as stored: its entries sorted by key, each {@code key=value}, joined by
 * {@code /}, with {@code %}, {@code /} and {@code =} escaped as {@code %25}, {@code %2F} and {@code %3D}; an entry
 * with a null value is its key alone. Two specs are equal exactly when their texts are, and the text reads back
 * into the same spec. Its SHA-256 ({@link #hash}) is what the database keeps unique per table.
 */
final class PartitionSpecCodec {

    private PartitionSpecCodec() {}

    static String encode(CatalogPartitionSpec spec) {
        StringJoiner text = new StringJoiner("/");
        for (Map.Entry<String, String> entry : new TreeMap<>(spec.getPartitionSpec()).entrySet()) {
            String key = escape(entry.getKey());
            text.add(entry.getValue() == null ? key : key + "=" + escape(entry.getValue()));
        }
        return text.toString();
    }

    static CatalogPartitionSpec decode(String text) {
        Map<String, String> spec = new HashMap<>();
        if (!text.isEmpty()) {
            for (String entry : text.split("/", -1)) {
                int separator = entry.indexOf('=');
                if (separator < 0) {
                    spec.put(unescape(entry), null);
                } else {
                    spec.put(unescape(entry.substring(0, separator)), unescape(entry.substring(separator + 1)));
                }
            }
        }
        return new CatalogPartitionSpec(spec);
    }

    static String hash(String encoded) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(encoded.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String escape(String text) {
        return text.replace("%", "%25").replace("/", "%2F").replace("=", "%3D");
    }

    private static String unescape(String text) {
        return text.replace("%3D", "=").replace("%2F", "/").replace("%25", "%");
    }
}
