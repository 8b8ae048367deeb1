package io.dbchat.schemapublisher.catalog;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What may be published, like db_chat's ALLOWED_MODELS: allow- and denylists of schemas, tables and
 * columns as glob patterns ({@code *} = any text), matched ignoring case. An empty allowlist allows all;
 * a deny always wins. Tables match as {@code schema.table} or {@code table}, columns as
 * {@code schema.table.column} or {@code table.column}.
 */
public final class ExposurePolicy {

    private final Level schemas;
    private final Level tables;
    private final Level columns;

    public ExposurePolicy(Lists schemas, Lists tables, Lists columns) {
        this.schemas = new Level(schemas);
        this.tables = new Level(tables);
        this.columns = new Level(columns);
    }

    /** One level's allowlist ({@code include}) and denylist ({@code exclude}). */
    public record Lists(List<String> include, List<String> exclude) {

        public Lists {
            include = include == null ? List.of() : List.copyOf(include);
            exclude = exclude == null ? List.of() : List.copyOf(exclude);
        }

        public static Lists all() {
            return new Lists(List.of(), List.of());
        }
    }

    public static ExposurePolicy everything() {
        return new ExposurePolicy(Lists.all(), Lists.all(), Lists.all());
    }

    boolean schema(String schema) {
        return schemas.allows(schema);
    }

    boolean table(String schema, String table) {
        return schema(schema) && tables.allows(schema + "." + table, table);
    }

    boolean column(String schema, String table, String column) {
        return columns.allows(schema + "." + table + "." + column, table + "." + column);
    }

    private static final class Level {
        private final List<Pattern> include;
        private final List<Pattern> exclude;

        Level(Lists lists) {
            include = lists.include().stream().map(Level::glob).toList();
            exclude = lists.exclude().stream().map(Level::glob).toList();
        }

        boolean allows(String... names) {
            return (include.isEmpty() || matches(include, names)) && !matches(exclude, names);
        }

        private static boolean matches(List<Pattern> patterns, String... names) {
            return patterns.stream().anyMatch(p -> java.util.Arrays.stream(names).anyMatch(n -> p.matcher(n).matches()));
        }

        private static Pattern glob(String pattern) {
            String regex = java.util.Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                    .reduce((a, b) -> a + ".*" + b).orElse("");
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        }
    }
}
