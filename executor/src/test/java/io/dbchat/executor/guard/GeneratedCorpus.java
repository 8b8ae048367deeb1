package io.dbchat.executor.guard;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The corpus generated from guard/positions.tsv: every expression position the guard must see into, filled once
 * with an allowed subquery (a legitimate query) and once with each hostile one (an attack with its expected code).
 */
public final class GeneratedCorpus {

    /** A hostile query of one column, and the code the guard refuses it with. */
    public record Payload(String query, String code) {
    }

    /** One statement of the corpus: its template, the SQL and, for an attack, the expected refusal code. */
    public record Case(String template, String sql, String code) {
    }

    private static final Map<String, String> ALLOWED = Map.of(
            "text", "SELECT name FROM teams",
            "int", "SELECT id FROM teams");

    private static final Map<String, List<Payload>> HOSTILE = Map.of(
            "text", List.of(
                    new Payload("SELECT password_hash FROM users", "sql.column_not_allowed"),
                    new Payload("SELECT amount::text FROM salaries", "sql.table_not_allowed"),
                    new Payload("SELECT query FROM pg_stat_activity", "sql.system_catalog"),
                    new Payload("SELECT set_config('statement_timeout', '0', false)", "sql.function_not_allowed")),
            "int", List.of(
                    new Payload("SELECT length(password_hash) FROM users", "sql.column_not_allowed"),
                    new Payload("SELECT amount::int FROM salaries", "sql.table_not_allowed"),
                    new Payload("SELECT length(rolname) FROM pg_roles", "sql.system_catalog"),
                    new Payload("SELECT pg_try_advisory_lock(1)::int", "sql.function_not_allowed")));

    private GeneratedCorpus() {
    }

    public static List<Case> legit() {
        List<Case> out = new ArrayList<>();
        for (String[] position : positions()) {
            String allowed = position.length > 2 ? position[2] : ALLOWED.get(position[0]);
            out.add(new Case(position[1], fill(position[1], allowed), null));
        }
        return out;
    }

    public static List<Case> attacks() {
        List<Case> out = new ArrayList<>();
        for (String[] position : positions()) {
            for (Payload payload : HOSTILE.get(position[0])) {
                out.add(new Case(position[1], fill(position[1], payload.query()), payload.code()));
            }
        }
        return out;
    }

    /** Hostile payloads of a type, for other generators (the property tests). */
    public static List<Payload> hostile(String type) {
        return HOSTILE.get(type);
    }

    static String fill(String template, String query) {
        return template.replace("{X}", "(" + query + " LIMIT 1)").replace("{S}", query);
    }

    private static List<String[]> positions() {
        return read().lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t"))
                .toList();
    }

    private static String read() {
        try (InputStream in = GeneratedCorpus.class.getResourceAsStream("/guard/positions.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
