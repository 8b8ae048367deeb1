package io.dbchat.interpreter.answer;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

/** Formats numbers for people: thousands separators, and decimals kept at their own scale. */
final class Numbers {

    private Numbers() {
    }

    static String format(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    static String format(Object value) {
        if (value instanceof BigDecimal d) {
            var f = NumberFormat.getNumberInstance(Locale.US);
            f.setMinimumFractionDigits(Math.max(0, d.scale()));
            f.setMaximumFractionDigits(Math.max(0, d.scale()));
            return f.format(d);
        }
        if (value instanceof Number n && !(value instanceof Double) && !(value instanceof Float)) {
            return format(n.longValue());
        }
        return String.valueOf(value);
    }

    static boolean isNumber(Object value) {
        return value instanceof Number;
    }
}
