package io.tributary.catalog.builtin;

import java.util.Locale;
import org.apache.flink.table.functions.ScalarFunction;

/** A scalar function on the test class path, to be registered in a catalog: {@code shout('hi')} is {@code HI!}. */
public class ShoutFunction extends ScalarFunction {

    public String eval(String text) {
        return text == null ? null : text.toUpperCase(Locale.ROOT) + "!";
    }
}
