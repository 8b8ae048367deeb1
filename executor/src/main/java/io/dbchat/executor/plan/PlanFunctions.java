package io.dbchat.executor.plan;

import java.util.Set;

/**
 * The functions a plan may call, by the names PostgreSQL's deparser prints (unqualified, from pg_catalog).
 * Default-deny: any other function (set_config, pg_advisory_*, lo_*, query_to_xml, pg_notify, pg_sleep,
 * dblink, a user-defined one) refuses the plan. Mirrors the SQL guard's allowlist, plus the names the planner
 * itself writes for the guard's syntax (EXTRACT as date_part or extract, AT TIME ZONE as timezone...).
 */
final class PlanFunctions {

    private static final Set<String> CALLS = Set.of(
            // aggregates
            "count", "sum", "avg", "min", "max", "array_agg", "string_agg", "bool_and", "bool_or", "every",
            "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "percentile_cont",
            "percentile_disc", "mode", "corr", "covar_pop", "covar_samp", "regr_slope", "regr_intercept",
            "regr_count", "regr_r2", "json_agg", "jsonb_agg", "json_object_agg", "jsonb_object_agg",
            "bit_and", "bit_or",
            // window functions
            "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead",
            "first_value", "last_value", "nth_value",
            // math
            "abs", "ceil", "ceiling", "floor", "round", "trunc", "sign", "sqrt", "cbrt", "power", "pow", "exp",
            "ln", "log", "log10", "mod", "div", "width_bucket", "pi", "degrees", "radians",
            // strings
            "length", "char_length", "character_length", "octet_length", "lower", "upper", "initcap", "trim",
            "btrim", "ltrim", "rtrim", "lpad", "rpad", "substr", "substring", "position", "strpos", "replace",
            "concat", "concat_ws", "left", "right", "reverse", "split_part", "regexp_replace",
            "regexp_match", "starts_with", "translate", "ascii", "chr", "to_char", "format", "md5",
            // date and time
            "now", "date_trunc", "date_part", "age", "make_date", "make_time", "make_interval", "make_timestamp",
            "make_timestamptz", "to_date", "to_timestamp", "to_number", "justify_days", "justify_hours",
            "justify_interval", "date_bin", "isfinite", "timezone",
            // grouping
            "rollup", "cube", "grouping",
            // json and arrays
            "json_build_object", "jsonb_build_object", "json_build_array", "jsonb_build_array", "to_json",
            "to_jsonb", "json_extract_path_text", "jsonb_extract_path_text", "jsonb_array_length",
            "json_array_length", "jsonb_typeof", "array_length", "cardinality", "array_to_string",
            "array_position", "array_remove", "array_append", "string_to_array", "unnest",
            // set-returning functions, in FROM or in a select list
            "generate_series", "jsonb_array_elements", "json_array_elements", "jsonb_array_elements_text",
            "json_array_elements_text", "regexp_split_to_table");

    /** Set-returning functions a Function Scan may run. */
    private static final Set<String> SCANS = Set.of("generate_series", "unnest", "jsonb_array_elements",
            "json_array_elements", "jsonb_array_elements_text", "json_array_elements_text", "regexp_split_to_table");

    private PlanFunctions() {
    }

    /** Whether an expression may call {@code name} as the deparser printed it (schema-qualified names never). */
    static boolean call(String name) {
        return CALLS.contains(name);
    }

    /** Whether a Function Scan may run {@code schema.name}. */
    static boolean scan(String schema, String name) {
        return "pg_catalog".equals(schema) && SCANS.contains(name);
    }
}
