package io.dbchat.contracts.schema;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes identifiers as PostgreSQL reads them back exactly: bare when they are lower-case words that
 * are not reserved, double-quoted otherwise (mixed case, spaces, non-ASCII letters, reserved words, and
 * words the SQL guard's parser reserves).
 */
public final class SqlIdentifiers {

    private static final Pattern BARE = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** PostgreSQL's reserved key words, including those allowed only as function or type names. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "binary", "both", "case", "cast", "check", "collate", "collation", "column", "concurrently",
            "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable",
            "desc", "distinct", "do", "else", "end", "except", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "ilike", "in", "initially", "inner", "intersect",
            "into", "is", "isnull", "join", "lateral", "leading", "left", "like", "limit", "localtime",
            "localtimestamp", "natural", "not", "notnull", "null", "offset", "on", "only", "or", "order",
            "outer", "overlaps", "placing", "primary", "references", "returning", "right", "select",
            "session_user", "similar", "some", "symmetric", "system_user", "table", "tablesample", "then",
            "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "verbose", "when",
            "where", "window", "with");

    /**
     * Words PostgreSQL takes as bare column names but the SQL guard's parser (JSqlParser 5.4) reads as key
     * words, so "SELECT number FROM t" would be refused as unreadable. Quoted, both read them the same.
     * Found by parsing every PostgreSQL and JSqlParser key word as a column, a table and an alias.
     */
    private static final Set<String> PARSER_KEYWORDS = Set.of(
            "absent", "between", "bigint", "connect_by_root", "csv", "current", "decimal", "distinctrow", "double",
            "enum", "errors", "excludes", "exists", "extend", "fbv", "final", "float", "force", "import", "includes",
            "int", "integer", "minus", "nchar", "nocycle", "number", "numeric", "output", "pivot", "precision",
            "preferring", "prewhere", "prior", "real", "returns", "sample", "script", "semi", "settings", "smallint",
            "sql_cache", "sql_calc_found_rows", "sql_no_cache", "statement", "unbounded", "unknown", "unpivot",
            "use", "uuid", "varchar", "varying", "verify", "xmlserialize", "xor");

    private SqlIdentifiers() {
    }

    /** The words quoted only because the SQL guard's parser reserves them. */
    public static Set<String> parserKeywords() {
        return PARSER_KEYWORDS;
    }

    public static String quote(String identifier) {
        if (BARE.matcher(identifier).matches() && !RESERVED.contains(identifier)
                && !PARSER_KEYWORDS.contains(identifier)) {
            return identifier;
        }
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** A table as a query names it: the schema is left out for {@code public}, the default search path. */
    public static String table(String schema, String name) {
        return schema == null || schema.equals("public") ? quote(name) : quote(schema) + "." + quote(name);
    }

    /** A string literal with the exact spelling of {@code value}. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
