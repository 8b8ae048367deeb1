package io.dbchat.interpreter.result;

import io.dbchat.contracts.events.ColumnMeta;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Formats result values for people, by column kind: thousands separators, decimals at their own scale (long
 * ones, such as averages, at two places), money as "$1,234.50", dates as "12 March 2024", booleans as yes/no.
 */
public final class Values {

    /** Decimals longer than this are computed ones (averages, ratios), shown at two places. */
    private static final int MAX_SHOWN_SCALE = 4;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private Values() {
    }

    public static String format(ColumnKind kind, Object value) {
        if (value == null) {
            return "(empty)";
        }
        return switch (kind) {
            case MONEY -> value instanceof Number n ? money(decimal(n)) : String.valueOf(value);
            case NUMBER -> number(value);
            case YEAR -> value instanceof Number n ? decimal(n).stripTrailingZeros().toPlainString() : String.valueOf(value);
            case DATE, TIMESTAMP -> date(String.valueOf(value));
            case BOOLEAN -> value instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(value);
            case TEXT -> value instanceof Number ? number(value) : String.valueOf(value);
        };
    }

    /**
     * A value of {@code column}: as {@link #format(ColumnKind, Object)}, except that a period's first day in a column
     * named after the period (a {@code date_trunc} bucket: month, quarter, year) reads as the period, "January 2025",
     * "Q1 2025", "2025", not as its first day.
     */
    public static String format(ColumnMeta column, Object value) {
        ColumnKind kind = ColumnKind.of(column);
        String name = column.name() == null ? "" : column.name().toLowerCase(Locale.ROOT);
        if ((kind == ColumnKind.DATE || kind == ColumnKind.TIMESTAMP) && value != null && PERIODS.contains(name)) {
            String period = period(name, String.valueOf(value));
            if (period != null) {
                return period;
            }
        }
        return format(kind, value);
    }

    private static final java.util.Set<String> PERIODS = java.util.Set.of("month", "quarter", "year");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /** The period starting at {@code iso} in words, or null when {@code iso} is not the first moment of one. */
    private static String period(String unit, String iso) {
        LocalDateTime t;
        try {
            t = iso.length() <= 10 ? LocalDate.parse(iso).atStartOfDay()
                    : hasOffset(iso) ? OffsetDateTime.parse(iso).toLocalDateTime() : LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            return null;
        }
        if (!t.toLocalTime().equals(LocalTime.MIDNIGHT) || t.getDayOfMonth() != 1) {
            return null;
        }
        return switch (unit) {
            case "month" -> MONTH.format(t);
            case "quarter" -> (t.getMonthValue() - 1) % 3 == 0 ? "Q" + ((t.getMonthValue() + 2) / 3) + " " + t.getYear() : null;
            default -> t.getMonthValue() == 1 ? String.valueOf(t.getYear()) : null;
        };
    }

    public static String number(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    public static String number(Object value) {
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        BigDecimal d = decimal(n);
        int scale = d.scale() > MAX_SHOWN_SCALE ? 2 : Math.max(0, d.scale());
        var f = NumberFormat.getNumberInstance(Locale.US);
        f.setMinimumFractionDigits(scale);
        f.setMaximumFractionDigits(scale);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(d);
    }

    public static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
    }

    /**
     * A value as a number, or null: numbers as they are, and the text form that money and other types without
     * a JSON number arrive in ("$1,234.50", "-12.5"); "NaN" or a word is not a number.
     */
    public static BigDecimal numeric(Object value) {
        if (value instanceof Number n) {
            return decimal(n);
        }
        if (!(value instanceof String s)) {
            return null;
        }
        String digits = s.strip().replaceAll("[$€£¥,\\s]", "");
        boolean negative = digits.startsWith("(") && digits.endsWith(")");
        try {
            BigDecimal d = new BigDecimal(negative ? digits.substring(1, digits.length() - 1) : digits);
            return negative ? d.negate() : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String money(BigDecimal d) {
        var f = NumberFormat.getNumberInstance(Locale.US);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return (d.signum() < 0 ? "-$" : "$") + f.format(d.abs());
    }

    /** ISO-8601 dates and times as the executor writes them; anything else is shown as it came. */
    static String date(String iso) {
        try {
            if (iso.length() <= 10) {
                return DAY.format(LocalDate.parse(iso));
            }
            LocalDateTime t = hasOffset(iso) ? OffsetDateTime.parse(iso).toLocalDateTime() : LocalDateTime.parse(iso);
            return t.toLocalTime().equals(LocalTime.MIDNIGHT) ? DAY.format(t) : DAY_AND_TIME.format(t);
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static boolean hasOffset(String iso) {
        return iso.endsWith("Z") || iso.lastIndexOf('+') > 10 || iso.lastIndexOf('-') > 10;
    }
}
