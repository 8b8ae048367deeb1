package io.dbchat.translator.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the SQL in a model's reply: inside code fences first, else from the first line that starts a
 * query, else from the first SELECT in prose. Of several queries the first is taken (models sometimes add
 * an alternative). A block that also holds anything but a query (a DROP after the SELECT, a SET before it)
 * is proposed exactly as written, so the executor's guard refuses it and the record shows what the model
 * wrote, instead of a cleaned-up part running as if nothing had happened. A reply without a query that
 * declines is a refusal; anything else is malformed (the caller retries). Pure.
 */
public final class SqlReplyParser {

    /** What a reply amounted to. */
    public sealed interface Parsed {
    }

    public record Sql(String sql) implements Parsed {
    }

    public record Refusal(String reason) implements Parsed {
    }

    public record Malformed(String why) implements Parsed {
    }

    private static final Pattern FENCE = Pattern.compile("```[ \\t]*([A-Za-z]*)[^\\n]*\\n(.*?)```", Pattern.DOTALL);
    private static final Pattern SQL_FENCE = Pattern.compile("(?i)|sql|postgres|postgresql|pgsql|psql|plpgsql");
    /**
     * The first words of PostgreSQL's other commands. In a code block in any case; in prose only in capitals,
     * since a sentence after a query may well start with "Do" or "Show".
     */
    private static final String COMMANDS = "insert|update|delete|merge|drop|create|alter|"
            + "truncate|grant|revoke|set|reset|copy|call|do|begin|start|commit|rollback|end|abort|savepoint|release|"
            + "lock|listen|notify|unlisten|prepare|execute|deallocate|discard|vacuum|analyze|analyse|explain|cluster|"
            + "reindex|checkpoint|load|comment|security|refresh|import|declare|fetch|move|close|show|values|table";
    private static final Pattern COMMAND_IN_CODE = Pattern.compile("(?is)[(\\s]*(" + COMMANDS + ")\\b.*");
    private static final Pattern COMMAND_IN_PROSE = Pattern.compile("(?s)[(\\s]*("
            + COMMANDS.toUpperCase(Locale.ROOT) + ")\\b.*");
    private static final Pattern QUERY_START = Pattern.compile(
            "(?im)^[ \\t]*(select\\s|with\\s+(recursive\\s+)?[\\w\"]+\\s*(\\(|as\\b))");
    private static final Pattern PROSE_SELECT = Pattern.compile("\\bSELECT\\s");
    private static final Pattern DECLINES = Pattern.compile("(?i)\\b(cannot|can't|can not|unable|not able|not possible|"
            + "impossible|no (such|information|data|table|column)|don't have|do not have|does not (contain|exist|have)|"
            + "doesn't (contain|exist|have)|sorry|not available)\\b");
    private static final int MAX_REASON = 400;

    private SqlReplyParser() {
    }

    public static Parsed parse(String reply) {
        if (reply == null || reply.isBlank()) {
            return new Malformed("the reply was empty");
        }
        Optional<String> sql = fromFences(reply).or(() -> fromText(reply));
        boolean declines = DECLINES.matcher(reply).find();
        if (sql.isPresent() && (firstQuery(statements(sql.get())).isPresent() || !declines)) {
            return new Sql(sql.get());
        }
        if (declines) {
            return new Refusal(shorten(reply.replace("```", "").strip()));
        }
        return new Malformed("the reply held no SQL query: " + shorten(reply.strip()));
    }

    private static Optional<String> fromFences(String reply) {
        Matcher fence = FENCE.matcher(reply);
        while (fence.find()) {
            Optional<String> query = proposal(fence.group(2), COMMAND_IN_CODE);
            if (query.isPresent()) {
                return query;
            }
            if (SQL_FENCE.matcher(fence.group(1)).matches()
                    && statements(fence.group(2)).stream().anyMatch(st -> isCommand(st, COMMAND_IN_CODE))) {
                return Optional.of(fence.group(2).strip());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromText(String reply) {
        Matcher start = QUERY_START.matcher(reply);
        if (start.find()) {
            return proposal(upToBlankLine(reply.substring(start.start())), COMMAND_IN_PROSE);
        }
        Matcher prose = PROSE_SELECT.matcher(reply);
        return prose.find() ? proposal(upToBlankLine(reply.substring(prose.start())), COMMAND_IN_PROSE) : Optional.empty();
    }

    /** The first query of a block of queries; the whole block when anything in it is not a query. */
    private static Optional<String> proposal(String block, Pattern command) {
        List<String> statements = statements(block);
        Optional<String> first = firstQuery(statements);
        if (first.isPresent() && statements.stream().anyMatch(st -> isCommand(st, command))) {
            return Optional.of(block.strip());
        }
        return first;
    }

    /** Prose that follows a query without a semicolon is usually separated from it by an empty line. */
    private static String upToBlankLine(String text) {
        String[] paragraphs = text.split("\\n[ \\t]*\\n", 2);
        return paragraphs[0];
    }

    private static Optional<String> firstQuery(List<String> statements) {
        return statements.stream().filter(SqlReplyParser::isQuery).findFirst();
    }

    private static boolean isQuery(String statement) {
        String s = statement.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("select") || s.startsWith("with") || s.startsWith("(select");
    }

    private static boolean isCommand(String statement, Pattern command) {
        return !isQuery(statement) && command.matcher(statement).matches();
    }

    /** Splits on semicolons outside quotes and comments; blank statements are dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote == 0 && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                i = skipLineComment(sql, i);
                continue;
            }
            if (quote == 0 && c == ';') {
                add(out, current);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = quote == 0 ? c : (quote == c ? 0 : quote);
            }
            current.append(c);
        }
        add(out, current);
        return out;
    }

    private static int skipLineComment(String sql, int from) {
        int end = sql.indexOf('\n', from);
        return end < 0 ? sql.length() : end - 1;
    }

    private static void add(List<String> out, StringBuilder current) {
        String statement = current.toString().strip();
        if (!statement.isEmpty()) {
            out.add(statement);
        }
        current.setLength(0);
    }

    private static String shorten(String text) {
        String one = text.replaceAll("\\s+", " ");
        return one.length() <= MAX_REASON ? one : one.substring(0, MAX_REASON - 1) + "…";
    }
}
