package io.tributary.jdbc.client;

import static java.util.Objects.requireNonNull;

import io.tributary.jdbc.types.FlinkType;
import io.tributary.jdbc.types.FlinkTypeJson;
import io.tributary.jdbc.types.ValueDecoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One answer of the gateway's result endpoint: NOT_READY, a PAYLOAD page of rows, or EOS; with the result's
 * columns, whether it is a query's result, the job it runs as, and where the next page is. Rows are decoded into
 * the driver's values as the page is read (on the thread that fetched it).
 */
public final class ResultPage {

    /** The gateway's result types. */
    public enum Type { NOT_READY, PAYLOAD, EOS }

    private final Type type;
    private final boolean queryResult;
    private final String jobId;
    private final String resultKind;
    private final List<String> columnNames;
    private final List<FlinkType> columnTypes;
    private final List<Object[]> rows;
    private final List<String> rowKinds;
    private final String nextUri;

    private ResultPage(Type type, boolean queryResult, String jobId, String resultKind, List<String> columnNames,
            List<FlinkType> columnTypes, List<Object[]> rows, List<String> rowKinds, String nextUri) {
        this.type = requireNonNull(type, "type is null");
        this.queryResult = queryResult;
        this.jobId = jobId;
        this.resultKind = resultKind;
        this.columnNames = Collections.unmodifiableList(columnNames);
        this.columnTypes = Collections.unmodifiableList(columnTypes);
        this.rows = Collections.unmodifiableList(rows);
        this.rowKinds = Collections.unmodifiableList(rowKinds);
        this.nextUri = nextUri;
    }

    static ResultPage read(Map<?, ?> body) {
        Type type;
        try {
            type = Type.valueOf(String.valueOf(body.get("resultType")));
        } catch (IllegalArgumentException e) {
            throw new io.tributary.jdbc.json.JsonException("unknown resultType " + body.get("resultType"));
        }
        List<String> names = new ArrayList<>();
        List<FlinkType> types = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        Object results = body.get("results");
        if (results instanceof Map) {
            Object columns = ((Map<?, ?>) results).get("columns");
            if (columns instanceof List) {
                for (Object column : (List<?>) columns) {
                    Map<?, ?> info = (Map<?, ?>) column;
                    names.add(String.valueOf(info.get("name")));
                    types.add(FlinkTypeJson.read(info.get("logicalType")));
                }
            }
            Object data = ((Map<?, ?>) results).get("data");
            if (data instanceof List) {
                for (Object row : (List<?>) data) {
                    Map<?, ?> member = (Map<?, ?>) row;
                    List<?> fields = (List<?>) member.get("fields");
                    Object[] values = new Object[types.size()];
                    for (int i = 0; i < values.length && i < fields.size(); i++) {
                        values[i] = ValueDecoder.decode(types.get(i), fields.get(i));
                    }
                    rows.add(values);
                    kinds.add(String.valueOf(member.get("kind")));
                }
            }
        }
        Object next = body.get("nextResultUri");
        return new ResultPage(type, Boolean.TRUE.equals(body.get("isQueryResult")),
                body.get("jobID") instanceof String ? (String) body.get("jobID") : null,
                body.get("resultKind") instanceof String ? (String) body.get("resultKind") : null,
                names, types, rows, kinds, next instanceof String ? (String) next : null);
    }

    public Type type() {
        return type;
    }

    public boolean queryResult() {
        return queryResult;
    }

    public String jobId() {
        return jobId;
    }

    /** SUCCESS (DDL, SET: nothing to read) or SUCCESS_WITH_CONTENT. */
    public String resultKind() {
        return resultKind;
    }

    /**
     * Whether the statement produces rows for the application: a query, or SHOW/DESCRIBE/EXPLAIN; not DDL, SET or
     * an INSERT (whose only row is the id of the job it submitted).
     */
    public boolean hasRows() {
        return queryResult || ("SUCCESS_WITH_CONTENT".equals(resultKind) && jobId == null);
    }

    public List<String> columnNames() {
        return columnNames;
    }

    public List<FlinkType> columnTypes() {
        return columnTypes;
    }

    public List<Object[]> rows() {
        return rows;
    }

    /** The changelog kind of each row: INSERT, UPDATE_BEFORE, UPDATE_AFTER or DELETE. */
    public List<String> rowKinds() {
        return rowKinds;
    }

    /** The next page's path, or null at the end. */
    public String nextUri() {
        return nextUri;
    }
}
