package io.tributary.jdbc.meta;

/**
 * Flink SQL's words for DatabaseMetaData: its keywords that SQL:2003 does not have, and its built-in functions by
 * the groups JDBC names (Flink 1.20's documentation, "System (Built-in) Functions").
 */
final class FlinkSqlWords {

    static final String KEYWORDS = String.join(",", "ANALYZE", "BYTES", "CATALOGS", "CHANGELOG_MODE", "COMPILE",
            "COMPUTE", "CUMULATE", "DATABASES", "DESCRIPTOR", "ENFORCED", "ESTIMATED_COST", "EXTENDED", "FRESHNESS",
            "FUNCTIONS", "HOP", "IF", "JARS", "JOBS", "JSON_EXECUTION_PLAN", "LIMIT", "METADATA", "MODULES",
            "OFFSET", "OVERWRITE", "PARTITIONED", "PLAN_ADVICE", "PROCEDURES", "PYTHON", "RAW", "REFRESH_MODE",
            "RESUME", "SCALA", "STATEMENT", "STATISTICS", "STRING", "SUSPEND", "TABLES", "TEMPORARY", "TUMBLE",
            "USE", "VIEWS", "VIRTUAL", "WATERMARK", "WATERMARKS");

    static final String NUMERIC_FUNCTIONS = String.join(",", "ABS", "ACOS", "ASIN", "ATAN", "ATAN2", "BIN", "CEIL",
            "CEILING", "COS", "COSH", "COT", "DEGREES", "E", "EXP", "FLOOR", "HEX", "LN", "LOG", "LOG10", "LOG2",
            "MOD", "PI", "POWER", "RADIANS", "RAND", "RAND_INTEGER", "ROUND", "SIGN", "SIN", "SINH", "SQRT", "TAN",
            "TANH", "TRUNCATE", "UUID");

    static final String STRING_FUNCTIONS = String.join(",", "ASCII", "BTRIM", "CHAR_LENGTH", "CHARACTER_LENGTH",
            "CHR", "CONCAT", "CONCAT_WS", "DECODE", "ELT", "ENCODE", "FROM_BASE64", "INITCAP", "INSTR", "LEFT",
            "LOCATE", "LOWER", "LPAD", "LTRIM", "OVERLAY", "PARSE_URL", "POSITION", "PRINTF", "REGEXP",
            "REGEXP_COUNT", "REGEXP_EXTRACT", "REGEXP_EXTRACT_ALL", "REGEXP_INSTR", "REGEXP_REPLACE",
            "REGEXP_SUBSTR", "REPEAT", "REPLACE", "REVERSE", "RIGHT", "RPAD", "RTRIM", "SPLIT", "SPLIT_INDEX",
            "STR_TO_MAP", "SUBSTR", "SUBSTRING", "TO_BASE64", "TRANSLATE", "TRIM", "UPPER", "URL_DECODE",
            "URL_ENCODE");

    static final String SYSTEM_FUNCTIONS = String.join(",", "COALESCE", "GREATEST", "IF", "IFNULL", "IS_ALPHA",
            "IS_DECIMAL", "IS_DIGIT", "LEAST", "NULLIF", "TYPEOF");

    static final String TIME_DATE_FUNCTIONS = String.join(",", "CONVERT_TZ", "CURRENT_DATE", "CURRENT_ROW_TIMESTAMP",
            "CURRENT_TIME", "CURRENT_TIMESTAMP", "CURRENT_WATERMARK", "DATE_FORMAT", "DATEDIFF", "DAYOFMONTH",
            "DAYOFWEEK", "DAYOFYEAR", "EXTRACT", "FROM_UNIXTIME", "HOUR", "LOCALTIME", "LOCALTIMESTAMP", "MINUTE",
            "MONTH", "NOW", "PROCTIME", "QUARTER", "SECOND", "TIMESTAMPADD", "TIMESTAMPDIFF", "TO_DATE",
            "TO_TIMESTAMP", "TO_TIMESTAMP_LTZ", "UNIX_TIMESTAMP", "WEEK", "YEAR");

    private FlinkSqlWords() {}
}
