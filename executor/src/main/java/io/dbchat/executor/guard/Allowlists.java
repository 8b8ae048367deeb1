package io.dbchat.executor.guard;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a query may call and cast to. An allowlist, not a denylist: anything not named here (pg_sleep,
 * dblink, set_config, lo_*, nextval, a user-defined function) is refused. The one list of the executor: the
 * SQL guard judges the text by it, and the plan check the functions PostgreSQL resolved.
 */
public final class Allowlists {

    private static final Set<String> AGGREGATES = Set.of(
            "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "bool_and", "bool_or", "every",
            "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont",
            "percentile_disc", "mode", "corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept",
            "regr_count", "regr_r2", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
            "bit_and", "bit_or");

    private static final Set<String> WINDOWS = Set.of(
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
            "first_value", "last_value", "nth_value");

    private static final Set<String> SCALARS = Set.of(
            // math
            "abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "cbrt", "power", "pow", "exp",
            "ln", "log", "log10", "mod", "div", "greatest", "least", "width_bucket", "pi", "degrees", "radians",
            // strings
            "length", "char_length", "character_length", "octet_length", "lower", "upper", "initcap", "trim",
            "btrim", "ltrim", "rtrim", "lpad", "rpad", "substr", "substring", "position", "strpos", "replace",
            "concat", "concat_ws", "left", "right", "reverse", "split_part", "regexp_replace",
            "regexp_match", "starts_with", "translate", "ascii", "chr", "to_char", "format", "md5",
            // date and time
            "now", "date_trunc", "date_part", "age", "make_date", "make_time", "make_interval", "make_timestamp",
            "make_timestamptz", "to_date", "to_timestamp", "to_number", "justify_days", "justify_hours",
            "justify_interval", "date_bin", "isfinite", "timezone",
            // conditionals, casts and grouping
            "coalesce", "nullif", "cast", "rollup", "cube", "grouping", "row",
            // json and arrays
            "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json",
            "to_jsonb", "json_extract_path_text", "jsonb_extract_path_text", "jsonb_array_length",
            "json_array_length", "jsonb_typeof", "array_length", "cardinality", "array_to_string",
            "array_position", "array_remove", "array_append", "string_to_array", "unnest");

    /**
     * Set-returning functions allowed in FROM, with the columns PostgreSQL names them by: a function with OUT
     * parameters keeps their names whatever its alias (jsonb_array_elements AS ssn still yields "value"); one
     * returning a base type (empty here) takes its alias as the column name.
     */
    private static final Map<String, List<String>> TABLE_FUNCTIONS = Map.ofEntries(
            Map.entry("generate_series", List.of()),
            Map.entry("regexp_split_to_table", List.of()),
            Map.entry("jsonb_object_keys", List.of()),
            Map.entry("json_object_keys", List.of()),
            Map.entry("jsonb_array_elements", List.of("value")),
            Map.entry("json_array_elements", List.of("value")),
            Map.entry("jsonb_array_elements_text", List.of("value")),
            Map.entry("json_array_elements_text", List.of("value")),
            Map.entry("jsonb_each", List.of("key", "value")),
            Map.entry("json_each", List.of("key", "value")),
            Map.entry("jsonb_each_text", List.of("key", "value")),
            Map.entry("json_each_text", List.of("key", "value")));

    /** First word of a type name a value may be cast to; reg* (catalog lookups) and row types are not. */
    private static final Set<String> CAST_TYPES = Set.of(
            "smallint", "int", "int2", "int4", "int8", "integer", "bigint", "numeric", "decimal", "real", "float",
            "float4", "float8", "double", "text", "varchar", "character", "char", "bpchar", "boolean", "bool",
            "date", "time", "timestamp", "timestamptz", "interval", "uuid", "json", "jsonb");

    private Allowlists() {
    }

    /** Whether a scalar, aggregate or window function of this name may be called. */
    public static boolean function(String name) {
        return SCALARS.contains(name) || AGGREGATES.contains(name) || WINDOWS.contains(name);
    }

    /**
     * The output columns of an allowed set-returning function called with {@code arguments} arguments (empty: one
     * column named by the alias), or null when it is not allowed. unnest of one array yields its elements; of
     * several, one column per array, each named "unnest".
     */
    static List<String> tableFunctionColumns(String name, int arguments) {
        if ("unnest".equals(name)) {
            return arguments <= 1 ? List.of() : Collections.nCopies(arguments, "unnest");
        }
        return TABLE_FUNCTIONS.get(name);
    }

    /** Whether a set-returning function of this name may be called (in FROM, or in a select list). */
    public static boolean tableFunction(String name) {
        return "unnest".equals(name) || TABLE_FUNCTIONS.containsKey(name);
    }

    static boolean castType(String dataType) {
        String type = dataType.strip();
        int end = 0;
        while (end < type.length() && !Character.isWhitespace(type.charAt(end)) && type.charAt(end) != '('
                && type.charAt(end) != '[') {
            end++;
        }
        return CAST_TYPES.contains(type.substring(0, end).toLowerCase(Locale.ROOT));
    }
}
