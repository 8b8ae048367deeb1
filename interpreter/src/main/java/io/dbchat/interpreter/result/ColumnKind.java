package io.dbchat.interpreter.result;

import io.dbchat.contracts.events.ColumnMeta;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a result column holds, from its database type name and, for money and years, its name: answers format
 * values by it and charts choose their encodings by it. A year is a number that reads as a point in time.
 */
public enum ColumnKind {
    NUMBER, MONEY, YEAR, DATE, TIMESTAMP, BOOLEAN, TEXT;

    private static final Set<String> NUMERIC = Set.of("int2", "int4", "int8", "smallint", "integer", "bigint",
            "numeric", "decimal", "float4", "float8", "real", "double precision", "oid");
    private static final Set<String> TIMESTAMPS = Set.of("timestamp", "timestamptz", "timestamp without time zone",
            "timestamp with time zone");
    /** Column names that hold an amount of money when the type itself does not say so. */
    private static final Pattern MONEY_NAME = Pattern.compile(
            "(^|_)(amount|budget|price|salary|salaries|cost|costs|revenue|fee|fees|income|spend|spent|wage|wages)(_|$)");
    private static final Pattern YEAR_NAME = Pattern.compile("(^|_)(year|yr)$");
    private static final Pattern IDENTIFIER = Pattern.compile("(^|_)id$");

    public static ColumnKind of(ColumnMeta column) {
        String type = column.type() == null ? "" : column.type().toLowerCase(Locale.ROOT);
        if (type.equals("money")) {
            return MONEY;
        }
        if (NUMERIC.contains(type)) {
            if (YEAR_NAME.matcher(name(column)).find()) {
                return YEAR;
            }
            return MONEY_NAME.matcher(name(column)).find() ? MONEY : NUMBER;
        }
        if (type.equals("date")) {
            return DATE;
        }
        if (TIMESTAMPS.contains(type)) {
            return TIMESTAMP;
        }
        return type.equals("bool") || type.equals("boolean") ? BOOLEAN : TEXT;
    }

    public boolean isNumeric() {
        return this == NUMBER || this == MONEY;
    }

    /** Dates, timestamps and years: values that order along time. */
    public boolean isTemporal() {
        return this == DATE || this == TIMESTAMP || this == YEAR;
    }

    /** A numeric column that identifies rows ("id", "project_id") rather than measuring anything. */
    public static boolean isIdentifier(ColumnMeta column) {
        return IDENTIFIER.matcher(name(column)).find();
    }

    /** A numeric column that measures something: numeric and not an identifier. */
    public static boolean isMeasure(ColumnMeta column) {
        return of(column).isNumeric() && !isIdentifier(column);
    }

    private static String name(ColumnMeta column) {
        return column.name() == null ? "" : column.name().toLowerCase(Locale.ROOT);
    }
}
