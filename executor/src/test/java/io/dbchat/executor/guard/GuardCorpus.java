package io.dbchat.executor.guard;

import io.dbchat.contracts.policy.AccessPolicies;
import io.dbchat.contracts.policy.PolicySubject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Reads the guard corpora: attacks.tsv (expected code, tab, SQL), attacks-v3.tsv (expect, tab, what it reaches for,
 * tab, SQL) and legit.sql (statements ending in ";" at line end).
 */
public final class GuardCorpus {

    /** The principal attacks-v3.tsv is checked for: hourly_rate and email hidden, clients of DE, tasks of user 1. */
    public static final PolicyScope V3_SCOPE = PolicyScope.of(AccessPolicies.parse("""
            datasources:
              consultancy:
                rows:
                  clients: "country = :region"
                  tasks: "assignee_id = :user_id::int"
                columns:
                  users:
                    hourly_rate: [hr]
                    email: [hr, manager]
            """), "consultancy", PolicySubject.of(Map.of("region", "DE", "user_id", "1", "role", "sales")));

    /**
     * One entry of attacks-v3.tsv: {@code refuse} (the guard must refuse it) or {@code safe} (it may pass if what it
     * returns holds nothing denied); {@code target} names the denied data or the harm it reaches for.
     */
    public record Attack(String expect, String target, String sql) {

        public boolean mustBeRefused() {
            return expect.equals("refuse");
        }

        @Override
        public String toString() {
            return target + ": " + sql;
        }
    }

    private GuardCorpus() {
    }

    public static Stream<Arguments> attacks() {
        return read("/guard/attacks.tsv").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 2))
                .map(parts -> Arguments.of(parts[0], parts[1]));
    }

    public static List<Attack> attacksV3() {
        return read("/guard/attacks-v3.tsv").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("\t", 3))
                .map(p -> new Attack(p[0], p[1], p[2].replace("{NL}", "\n").replace("{CR}", "\r")))
                .toList();
    }

    public static List<String> legit() {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : read("/guard/legit.sql").lines().filter(l -> !l.startsWith("--")).toList()) {
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    private static String read(String resource) {
        try (InputStream in = GuardCorpus.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
