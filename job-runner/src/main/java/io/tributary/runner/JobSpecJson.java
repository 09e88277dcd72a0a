package io.tributary.runner;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

/** Reads a {@link JobSpec} from its JSON document, with the Jackson that Flink ships (shaded in flink-core). */
public final class JobSpecJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobSpecJson() {
    }

    public static JobSpec read(byte[] document) throws IOException {
        JsonNode root = JSON.readTree(document);
        List<JobSpec.CatalogSpec> catalogs = new ArrayList<>();
        for (JsonNode catalog : root.path("catalogs")) {
            catalogs.add(new JobSpec.CatalogSpec(text(catalog, "name"), strings(catalog.path("options"))));
        }
        List<String> dependencies = new ArrayList<>();
        root.path("dependencies").forEach(ddl -> dependencies.add(ddl.asText()));
        return new JobSpec(root.path("specVersion").asInt(-1), catalogs, text(root, "catalog"),
                text(root, "database"), strings(root.path("options")), dependencies, text(root, "statement"));
    }

    private static String text(JsonNode node, String field) throws IOException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("the job spec has no text field '" + field + "'");
        }
        return value.asText();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> map.put(entry.getKey(), entry.getValue().asText()));
        return map;
    }
}
