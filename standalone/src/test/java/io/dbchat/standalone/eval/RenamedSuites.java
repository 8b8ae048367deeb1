package io.dbchat.standalone.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames an eval suite the way real databases are named, so the offline translator is judged on names it was not
 * written for: singular or prefixed tables, abbreviated columns whose meaning is only in a comment, ORM-style booleans
 * and timestamps, comments dropped. The schema SQL (DDL, CHECKs, FKs, data inserts, comments) and every gold query
 * are renamed by the same token-level map of the identifiers this class generated; string literals, the questions
 * and the data values stay as written. The same suite, style and seed always give the same copy.
 */
final class RenamedSuites {

    /** A naming style; {@link #REAL} combines the others. */
    enum Style {
        /** Tables in the singular: {@code customers} → {@code customer}. */
        SINGULAR,
        /** One prefix shared by every table: {@code orders} → {@code tbl_orders}, {@code ah_orders}. */
        PREFIXED,
        /** About half of the column names abbreviated, the meaning moved into a column comment of varied wording. */
        ABBREVIATED,
        /** Every table and column comment dropped, names unchanged. */
        UNCOMMENTED,
        /** ORM style: booleans {@code is_x}, dates and timestamps {@code x_at}, and {@code created_at},
         *  {@code updated_at}, {@code deleted_at} on every table. */
        ORM,
        /** Singular and prefixed tables, abbreviated columns (a third of their comments dropped), ORM columns. */
        REAL
    }

    /** The renamed copy: its schema SQL, its questions with the gold SQL renamed, and the identifier map used. */
    record Renamed(String schemaSql, List<EvalQuestion> questions, Map<String, String> renames) {
    }

    /** Words that are SQL keywords, types or functions: never renamed, never generated. */
    private static final Set<String> RESERVED = Set.of("date", "time", "timestamp", "timestamptz", "interval", "year",
            "month", "day", "hour", "minute", "second", "week", "quarter", "epoch", "dow", "text", "integer", "int",
            "numeric", "boolean", "bool", "type", "level", "position", "value", "key", "count", "sum", "avg", "min",
            "max", "left", "right", "user", "order", "group", "from", "to", "end", "start", "current", "first", "last",
            "all", "any", "desc", "asc", "default", "check", "primary", "references", "round", "extract", "coalesce",
            "length", "lower", "upper", "age", "now", "filter", "over", "partition", "rank", "row", "rows", "range",
            "public", "role", "table", "column", "select", "where", "limit", "offset", "case", "when", "then", "else",
            "and", "or", "not", "null", "in", "is", "as", "on", "by", "having", "distinct", "union", "with", "char",
            "varchar", "serial", "bigint", "smallint", "real", "double", "money", "uuid", "json", "jsonb", "id", "zone",
            "trim", "do", "for", "into", "only", "both", "cast", "collate", "grant", "new", "old", "array", "similar");

    /** Well-known short forms of column words. */
    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("quantity", "qty"), Map.entry("amount", "amt"), Map.entry("date", "dt"),
            Map.entry("number", "no"), Map.entry("description", "descr"), Map.entry("status", "stat"),
            Map.entry("code", "cd"), Map.entry("received", "rcvd"), Map.entry("customer", "cust"),
            Map.entry("category", "cat"), Map.entry("address", "addr"), Map.entry("reference", "ref"),
            Map.entry("registration", "reg"), Map.entry("department", "dept"), Map.entry("employee", "emp"),
            Map.entry("percent", "pct"), Map.entry("average", "avg"), Map.entry("year", "yr"),
            Map.entry("month", "mth"), Map.entry("name", "nm"), Map.entry("value", "val"), Map.entry("weight", "wt"),
            Map.entry("total", "tot"), Map.entry("count", "cnt"), Map.entry("minutes", "mins"),
            Map.entry("hours", "hrs"), Map.entry("telephone", "tel"), Map.entry("phone", "ph"),
            Map.entry("birth", "b"), Map.entry("price", "prc"), Map.entry("currency", "ccy"),
            Map.entry("capacity", "cap"), Map.entry("salary", "sal"), Map.entry("balance", "bal"));

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(\\w+)\\s*\\(");
    private static final Pattern CREATE_TYPE = Pattern.compile("(?i)CREATE\\s+TYPE\\s+(\\w+)");
    private static final Pattern COMMENT = Pattern.compile(
            "(?is)COMMENT\\s+ON\\s+(TABLE|COLUMN)\\s+(\\w+)(?:\\.(\\w+))?\\s+IS\\s+'((?:[^']|'')*)'\\s*;");
    private static final Set<String> CONSTRAINT_WORDS = Set.of("primary", "unique", "constraint", "check", "foreign",
            "exclude", "like");

    private RenamedSuites() {
    }

    /** The renamed copy of a suite named {@code suite} in {@code style}, reproducible from {@code seed}. */
    static Renamed rename(String suite, String schemaSql, List<EvalQuestion> questions, Style style, long seed) {
        Random random = new Random(seed * 31 + suite.hashCode() * 7L + style.ordinal());
        Catalog catalog = Catalog.read(schemaSql);
        Set<String> taken = new HashSet<>(tokens(schemaSql));
        Set<String> types = new HashSet<>();  // a column of an enum type of the same name: the type keeps its name
        Matcher type = CREATE_TYPE.matcher(schemaSql);
        while (type.find()) {
            types.add(type.group(1).toLowerCase(Locale.ROOT));
        }
        questions.forEach(q -> taken.addAll(tokens(q.goldSql())));
        Map<String, String> renames = new LinkedHashMap<>();
        Map<String, String> glosses = new HashMap<>();  // new column name → the words it was named with
        boolean singular = style == Style.SINGULAR || style == Style.REAL;
        boolean prefixed = style == Style.PREFIXED || style == Style.REAL;
        String prefix = prefixed ? prefix(suite, random) : "";
        for (String table : catalog.columns.keySet()) {
            String name = prefix + (singular ? singular(table) : table);
            if (!name.equals(table) && !catalog.isColumn(table) && !types.contains(table)) {
                claim(renames, taken, table, name);
            }
        }
        if (style == Style.ORM || style == Style.REAL) {
            for (var e : catalog.types.entrySet()) {
                String column = e.getKey();
                String name = orm(column, e.getValue());
                if (name != null && !catalog.isTable(column) && !types.contains(column)) {
                    claim(renames, taken, column, name);
                }
            }
        }
        if (style == Style.ABBREVIATED || style == Style.REAL) {
            boolean skeleton = random.nextBoolean();
            for (String column : catalog.types.keySet()) {
                if (renames.containsKey(column) || catalog.isTable(column) || types.contains(column) || column.length() <= 4
                        || !random.nextBoolean()) {
                    continue;
                }
                String name = abbreviate(column, skeleton || random.nextInt(4) == 0);
                if (claim(renames, taken, column, name)) {
                    glosses.put(name, column.replace('_', ' '));
                }
            }
        }
        // the comments: dropped, kept, or rewritten to carry an abbreviated column's meaning
        Map<String, String> tableComments = new LinkedHashMap<>();
        Map<String, String> columnComments = new LinkedHashMap<>();  // old "table.column" → text
        StringBuilder body = new StringBuilder();
        Matcher m = COMMENT.matcher(schemaSql);
        int at = 0;
        while (m.find()) {
            body.append(schemaSql, at, m.start());
            at = m.end();
            String text = m.group(4).replace("''", "'");
            if (m.group(1).equalsIgnoreCase("TABLE")) {
                tableComments.put(m.group(2).toLowerCase(Locale.ROOT), text);
            } else {
                columnComments.put(m.group(2).toLowerCase(Locale.ROOT) + "." + m.group(3).toLowerCase(Locale.ROOT), text);
            }
        }
        body.append(schemaSql.substring(at));
        StringBuilder out = new StringBuilder(apply(body.toString(), renames, catalog.columns.keySet()));
        out.append("\n-- renamed: ").append(style.name().toLowerCase(Locale.ROOT)).append(", seed ").append(seed).append('\n');
        if (style != Style.UNCOMMENTED) {
            tableComments.forEach((table, text) -> out.append(comment("TABLE", name(renames, table), inComment(text, renames))));
            for (var e : catalog.columns.entrySet()) {
                for (String column : e.getValue()) {
                    String old = columnComments.get(e.getKey() + "." + column);
                    String renamed = name(renames, column);
                    String gloss = glosses.get(renamed);
                    String text = old == null ? null : inComment(old, renames);
                    if (gloss != null) {
                        text = style == Style.REAL && random.nextInt(3) == 0 ? null : gloss(random, gloss, renamed, text,
                                singular(e.getKey()).replace('_', ' '));
                    }
                    if (text != null) {
                        out.append(comment("COLUMN", name(renames, e.getKey()) + "." + renamed, text));
                    }
                }
            }
        }
        if (style == Style.ORM || style == Style.REAL) {
            for (var e : catalog.columns.entrySet()) {
                List<String> add = new ArrayList<>();
                for (String column : List.of("created_at", "updated_at", "deleted_at")) {
                    if (!e.getValue().contains(column) && !renames.containsValue(column)) {
                        add.add("ADD COLUMN " + column + (column.equals("created_at")
                                ? " timestamptz NOT NULL DEFAULT '2024-01-01 00:00:00+00'" : " timestamptz"));
                    }
                }
                if (!add.isEmpty()) {
                    out.append("ALTER TABLE ").append(name(renames, e.getKey())).append(' ')
                            .append(String.join(", ", add)).append(";\n");
                }
            }
        }
        List<EvalQuestion> renamed = questions.stream().map(q -> new EvalQuestion(q.question(),
                q.expectsRefusal() ? q.goldSql() : apply(q.goldSql(), renames, catalog.columns.keySet()), q.category())).toList();
        return new Renamed(out.toString(), renamed, Map.copyOf(renames));
    }

    /** Adds old → name when the name is free and no SQL word; false if it was not. */
    private static boolean claim(Map<String, String> renames, Set<String> taken, String old, String name) {
        if (name == null || name.equals(old) || taken.contains(name) || RESERVED.contains(name) || name.isEmpty()
                || !Character.isLetter(name.charAt(0))) {
            return false;
        }
        renames.put(old, name);
        taken.add(name);
        return true;
    }

    private static String name(Map<String, String> renames, String old) {
        return renames.getOrDefault(old, old);
    }

    private static String comment(String kind, String target, String text) {
        return "COMMENT ON " + kind + " " + target + " IS '" + text.replace("'", "''") + "';\n";
    }

    /** A comment that mentions a renamed identifier (returned_on, order_items) mentions its new name. */
    private static String inComment(String text, Map<String, String> renames) {
        String out = text;
        for (var e : renames.entrySet()) {
            if (e.getKey().contains("_")) {
                out = out.replaceAll("\\b" + Pattern.quote(e.getKey()) + "\\b", Matcher.quoteReplacement(e.getValue()));
            }
        }
        return out;
    }

    /** The words an abbreviated column was named with, in one of several wordings real schemas use. */
    private static String gloss(Random random, String words, String name, String existing, String table) {
        String capital = Character.toUpperCase(words.charAt(0)) + words.substring(1);
        if (existing != null) {
            return random.nextBoolean() ? capital + ": " + existing : existing + " (" + words + ")";
        }
        return switch (random.nextInt(4)) {
            case 0 -> capital;
            case 1 -> name + " = " + words;
            case 2 -> "The " + words + " of the " + table;
            default -> capital + ".";
        };
    }

    /** A table prefix shared by the whole schema: tbl_, app_, or two or three letters of the business. */
    static String prefix(String suite, Random random) {
        return switch (random.nextInt(3)) {
            case 0 -> "tbl_";
            case 1 -> "app_";
            default -> suite.substring(0, Math.min(suite.length(), 2 + random.nextInt(2))).toLowerCase(Locale.ROOT) + "_";
        };
    }

    /** The singular of a (snake_case) table name: the last word loses its plural ending. */
    static String singular(String table) {
        int cut = table.lastIndexOf('_') + 1;
        String head = table.substring(0, cut);
        String word = table.substring(cut);
        String one;
        if (word.equals("people")) {
            one = "person";
        } else if (word.endsWith("ies") && word.length() > 4) {
            one = word.substring(0, word.length() - 3) + "y";
        } else if (word.matches(".*(sses|xes|ches|shes|zzes)")) {
            one = word.substring(0, word.length() - 2);
        } else if (word.endsWith("s") && !word.matches(".*(ss|us|is|ics)") && word.length() > 3) {
            one = word.substring(0, word.length() - 1);
        } else {
            one = word;
        }
        String name = head + one;
        return RESERVED.contains(name) ? table : name;
    }

    /** The ORM name of a column: booleans is_x, dates and timestamps x_at; null when it keeps its name. */
    static String orm(String column, String type) {
        if (type.startsWith("bool")) {
            return column.startsWith("is_") || column.startsWith("has_") ? null : "is_" + column;
        }
        if (type.equals("date") || type.startsWith("timestamp")) {
            for (String end : List.of("_on", "_date", "_time", "_dt")) {
                if (column.endsWith(end)) {
                    return column.substring(0, column.length() - end.length()) + "_at";
                }
            }
        }
        return null;
    }

    /** A column name abbreviated word by word: a well-known short form, else a consonant skeleton or a truncation. */
    static String abbreviate(String column, boolean skeleton) {
        List<String> words = new ArrayList<>();
        for (String word : column.split("_")) {
            String shortForm = SHORT.get(word);
            if (shortForm != null) {
                words.add(shortForm);
            } else if (word.length() <= 3 || word.equals("id")) {
                words.add(word);
            } else if (skeleton) {
                StringBuilder s = new StringBuilder().append(word.charAt(0));
                for (int i = 1; i < word.length() && s.length() < 5; i++) {
                    char c = word.charAt(i);
                    if ("aeiou".indexOf(c) < 0 && c != s.charAt(s.length() - 1)) {
                        s.append(c);
                    }
                }
                words.add(s.toString());
            } else {
                words.add(word.substring(0, 4));
            }
        }
        return String.join("_", words);
    }

    /** The identifiers of {@code sql} outside literals and comments, lower case. */
    static Set<String> tokens(String sql) {
        Set<String> out = new HashSet<>();
        scan(sql, (word, before, after) -> {
            out.add(word.toLowerCase(Locale.ROOT));
            return word;
        });
        return out;
    }

    /**
     * Renames every identifier of {@code sql} that {@code renames} maps, outside string literals, quoted identifiers and
     * comments; a column name used as a function ({@code floor(}) or a type ({@code ::date}) is left alone.
     */
    static String apply(String sql, Map<String, String> renames, Set<String> tables) {
        return scan(sql, (word, before, after) -> {
            String old = word.toLowerCase(Locale.ROOT);
            String to = renames.get(old);
            boolean table = tables.contains(old);  // renamed before a parenthesis too: CREATE TABLE t (, REFERENCES t (
            if (to == null || !table && (after == '(' || before == ':')) {
                return word;
            }
            return to;
        });
    }

    private interface Word {
        String map(String word, char before, char after);
    }

    /** Copies {@code sql}, passing each bare identifier through {@code word}. */
    private static String scan(String sql, Word word) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = i + 1;
                while (end < n && (sql.charAt(end) != '\'' || end + 1 < n && sql.charAt(end + 1) == '\'')) {
                    end += sql.charAt(end) == '\'' ? 2 : 1;
                }
                end = Math.min(n, end + 1);
            } else if (c == '"') {
                end = sql.indexOf('"', i + 1);
                end = end < 0 ? n : end + 1;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                end = sql.indexOf('\n', i);
                end = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
            } else if (Character.isLetter(c) || c == '_') {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_' || sql.charAt(end) == '$')) {
                    end++;
                }
                char before = i == 0 ? ' ' : sql.charAt(i - 1);
                int next = end;
                while (next < n && Character.isWhitespace(sql.charAt(next))) {
                    next++;
                }
                char after = next < n ? sql.charAt(next) : ' ';
                out.append(word.map(sql.substring(i, end), before, after));
                i = end;
                continue;
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
            } else {
                end = i + 1;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    /** The tables of a schema script with their columns and the columns' types (first word), in order. */
    private record Catalog(Map<String, List<String>> columns, Map<String, String> types, Set<String> mixed) {

        static Catalog read(String sql) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            Set<String> mixed = new HashSet<>();
            Matcher m = CREATE_TABLE.matcher(sql);
            while (m.find()) {
                String table = m.group(1).toLowerCase(Locale.ROOT);
                int depth = 1;
                int i = m.end();
                int start = i;
                List<String> parts = new ArrayList<>();
                for (; i < sql.length() && depth > 0; i++) {
                    char c = sql.charAt(i);
                    if (c == '\'') {
                        i = sql.indexOf('\'', i + 1);
                    } else if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth--;
                    }
                    if (depth == 1 && c == ',' || depth == 0) {
                        parts.add(sql.substring(start, i).strip());
                        start = i + 1;
                    }
                }
                List<String> names = new ArrayList<>();
                for (String part : parts) {
                    String[] words = part.replaceAll("--[^\n]*", " ").strip().split("\\s+");
                    String first = words[0].toLowerCase(Locale.ROOT);
                    if (words.length < 2 || CONSTRAINT_WORDS.contains(first) || !first.matches("[a-z_][a-z0-9_]*")) {
                        continue;
                    }
                    String type = words[1].toLowerCase(Locale.ROOT).replaceAll("\\(.*", "");
                    names.add(first);
                    String before = types.putIfAbsent(first, type);
                    if (before != null && !before.equals(type)) {
                        mixed.add(first);
                    }
                }
                columns.put(table, names);
            }
            mixed.forEach(c -> types.put(c, "mixed"));
            return new Catalog(columns, types, mixed);
        }

        boolean isColumn(String name) {
            return types.containsKey(name);
        }

        boolean isTable(String name) {
            return columns.containsKey(name);
        }
    }
}
