package io.tributary.jdbc.result;

import io.tributary.jdbc.types.FlinkTypeParser;
import java.sql.Array;
import java.util.Arrays;

/** Arrays an application builds ({@code Connection.createArrayOf}) to pass as parameters. */
public final class SqlArrays {

    private SqlArrays() {}

    public static Array of(String elementTypeName, Object[] elements, ValueConverter converter) {
        return new TributaryArray(FlinkTypeParser.parse(elementTypeName), Arrays.asList(elements), converter);
    }
}
