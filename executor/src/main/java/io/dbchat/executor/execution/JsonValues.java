package io.dbchat.executor.execution;

import io.r2dbc.postgresql.codec.Interval;
import io.r2dbc.postgresql.codec.Json;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Maps a decoded PostgreSQL value to a JSON-ready one: exact numerics stay BigDecimal (never a double), times
 * ISO-8601 (timestamptz with its offset), intervals ISO-8601 durations, json as a tree, bytea as base64.
 */
final class JsonValues {

    private JsonValues() {
    }

    static Object map(Object value) {
        return switch (value) {
            case null -> null;
            case BigDecimal d -> d;
            case Number n when n instanceof Double || n instanceof Float -> finite(n.doubleValue()) ? n : n.toString();
            case Number n -> n;
            case Boolean b -> b;
            case String s -> s;
            case OffsetDateTime t -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
            case LocalDateTime t -> DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
            case Temporal t -> t.toString();
            case Interval i -> iso(i);
            case UUID u -> u.toString();
            case Json j -> io.dbchat.contracts.serde.Json.MAPPER.readTree(j.asString());
            case ByteBuffer b -> base64(b);
            case byte[] b -> Base64.getEncoder().encodeToString(b);
            case Object a when a.getClass().isArray() -> array(a);
            default -> value.toString();
        };
    }

    /** As PostgreSQL's intervalstyle iso_8601 writes it: each part signed on its own, zero parts left out. */
    static String iso(Interval i) {
        StringBuilder date = new StringBuilder("P");
        part(date, i.getYears(), "Y");
        part(date, i.getMonths(), "M");
        part(date, i.getDays(), "D");
        StringBuilder time = new StringBuilder();
        part(time, i.getHours(), "H");
        part(time, i.getMinutes(), "M");
        if (i.getSecondsInMinute() != 0 || i.getMicrosecondsInSecond() != 0) {
            time.append(BigDecimal.valueOf(i.getSecondsInMinute())
                    .add(BigDecimal.valueOf(i.getMicrosecondsInSecond(), 6)).stripTrailingZeros().toPlainString())
                    .append('S');
        }
        if (!time.isEmpty()) {
            date.append('T').append(time);
        }
        return date.length() == 1 ? "PT0S" : date.toString();
    }

    private static void part(StringBuilder out, int value, String unit) {
        if (value != 0) {
            out.append(value).append(unit);
        }
    }

    private static boolean finite(double d) {
        return !Double.isNaN(d) && !Double.isInfinite(d);
    }

    private static String base64(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static List<Object> array(Object array) {
        int length = Array.getLength(array);
        List<Object> out = new ArrayList<>(length);
        for (int i = 0; i < length; i++) {
            out.add(map(Array.get(array, i)));
        }
        return out;
    }
}
