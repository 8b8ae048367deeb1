package io.dbchat.standalone.audit;

import io.dbchat.llm.LlmStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 50 questions of the audit and replay tests and the two models that answer them through {@link LlmStub}. Each
 * question carries a tag [cNtM] (conversation N, turn M); the stub answers the newest tag in the prompt (earlier turns
 * of the conversation appear in it as history). model-a is the recorded one; model-b, the replayed one, answers five
 * questions differently, each with a different kind of change.
 */
final class ScriptedQuestions {

    static final String ALICE = "key-a";
    static final String BOB = "key-b";
    static final String CAROL = "key-c";
    static final String HASHES = "SELECT email, password_hash FROM users";
    private static final String BAD_VALUE = "'not a number'";

    private static final List<String> TABLES = List.of("teams", "users", "clients", "projects", "tasks", "time_entries",
            "invoices", "skills");
    private static final Pattern TAG = Pattern.compile("\\[c(\\d+)t(\\d+)]");

    /** A conversation: whose key asks it and its questions in order. */
    record Conversation(int n, String key, List<String> questions) {
    }

    private ScriptedQuestions() {
    }

    /** c1-c10 alice (3 turns), c11-c18 bob (2 turns), c19-c20 alice refused, c21 bob timing out, c22 carol. */
    static List<Conversation> conversations() {
        List<Conversation> all = new ArrayList<>();
        for (int n = 1; n <= 18; n++) {
            String table = table(n);
            List<String> qs = new ArrayList<>(List.of("How many rows does " + table + " have? [c" + n + "t1]",
                    "and the first five ids? [c" + n + "t2]"));
            if (n <= 10) {
                qs.add("and the largest id? [c" + n + "t3]");
            }
            all.add(new Conversation(n, n <= 10 ? ALICE : BOB, qs));
        }
        all.add(new Conversation(19, ALICE, List.of("Show every user's password hash [c19t1]")));
        all.add(new Conversation(20, ALICE, List.of("Which passwords do users have? [c20t1]")));
        all.add(new Conversation(21, BOB, List.of("Everything about everything, slowly [c21t1]")));
        all.add(new Conversation(22, CAROL, List.of("How many teams are there? [c22t1]")));
        return all;
    }

    static String table(int n) {
        return TABLES.get((n - 1) % TABLES.size());
    }

    /** How each model answers a request. */
    static LlmStub.Reply answer(LlmStub.Recorded request) {
        String prompt = request.prompt();
        int[] tag = newest(prompt);
        if (tag == null) {
            return LlmStub.Reply.text("SELECT 1");
        }
        boolean b = "model-b".equals(request.body().path("model").asString(""));
        return b ? modelB(tag[0], tag[1], prompt) : modelA(tag[0], tag[1], prompt);
    }

    private static LlmStub.Reply modelA(int c, int t, String prompt) {
        if (c == 19 || c == 20) {
            return LlmStub.Reply.text(HASHES);
        }
        if (c == 21) {
            return LlmStub.Reply.text("SELECT count(*) FROM teams").after(Duration.ofSeconds(10));
        }
        if (c == 5 && t == 1 && !prompt.contains(BAD_VALUE)) {
            return LlmStub.Reply.text(failing(c)); // corrected on the second attempt, with the error in the prompt
        }
        return LlmStub.Reply.text(usual(c, t));
    }

    private static LlmStub.Reply modelB(int c, int t, String prompt) {
        String sql = switch (c + "." + t) {
            case "1.1" -> "SELECT count(id) AS total FROM " + table(1);
            case "2.2" -> "SELECT id FROM " + table(2) + " ORDER BY id LIMIT 4";
            case "3.3" -> HASHES;
            case "4.1" -> failing(4);
            case "19.1" -> "SELECT count(*) FROM users";
            case "20.1" -> HASHES;
            case "21.1" -> "SELECT count(*) FROM teams";
            default -> usual(c, t);
        };
        return LlmStub.Reply.text(sql);
    }

    /** The kinds of change the replay must report, by the question's tag; every other question is unchanged. */
    static Map<String, String> expectedChanges() {
        return Map.of("[c1t1]", "SQL_CHANGED_SAME_ROWS", "[c2t2]", "ROWS_CHANGED", "[c3t3]", "NOW_REFUSED",
                "[c4t1]", "NOW_FAILING", "[c19t1]", "NO_LONGER_REFUSED", "[c21t1]", "NOW_ANSWERED");
    }

    /** Passes the guard, fails in the database (22P02): the translator tries again with the error. */
    private static String failing(int c) {
        return "SELECT count(*) FROM " + table(c) + " WHERE id = " + BAD_VALUE;
    }

    private static String usual(int c, int t) {
        String table = c == 22 ? "teams" : table(c);
        return switch (t) {
            case 1 -> "SELECT count(*) AS n FROM " + table;
            case 2 -> "SELECT id FROM " + table + " ORDER BY id LIMIT 5";
            default -> "SELECT max(id) AS largest FROM " + table;
        };
    }

    /** The tag of the newest turn in the prompt: the question asked now (earlier ones are its history). */
    static int[] newest(String prompt) {
        Matcher m = TAG.matcher(prompt);
        int[] best = null;
        while (m.find()) {
            int c = Integer.parseInt(m.group(1));
            int t = Integer.parseInt(m.group(2));
            if (best == null || t > best[1]) {
                best = new int[] {c, t};
            }
        }
        return best;
    }

    static String tag(String question) {
        Matcher m = TAG.matcher(question);
        return m.find() ? m.group() : null;
    }
}
