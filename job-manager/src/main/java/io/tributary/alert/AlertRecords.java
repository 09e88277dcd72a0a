package io.tributary.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.job.schema.tables.records.AlertRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads stored alerts. */
public final class AlertRecords {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, String>> LINKS = new TypeReference<>() {};

    private AlertRecords() {}

    public static Alert toAlert(AlertRecord row) {
        Map<String, String> links;
        try {
            links = JSON.readValue(row.getLinksJson(), LINKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored alert links are not JSON", e);
        }
        List<String> rules = row.getRuleIds().isEmpty() ? List.of() : Arrays.asList(row.getRuleIds().split(","));
        return new Alert(row.getId(), AlertEventType.valueOf(row.getEventType()),
                AlertSeverity.valueOf(row.getSeverity()), rules, Optional.ofNullable(row.getJobId()),
                Optional.ofNullable(row.getJobName()), Optional.ofNullable(row.getClusterId()),
                Optional.ofNullable(row.getClusterName()), Optional.ofNullable(row.getFlinkJobId()), row.getReason(),
                row.getEventCount() == null ? OptionalInt.empty() : OptionalInt.of(row.getEventCount()), links,
                Instant.ofEpochMilli(row.getOccurredAt()), Instant.ofEpochMilli(row.getCreatedAt()));
    }
}
