package io.dbchat.standalone.eval;

import io.dbchat.translator.Translator;
import io.dbchat.translator.offline.Gate;
import io.dbchat.translator.offline.OfflineSettings;
import io.dbchat.translator.offline.OfflineTranslator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What each of the offline translator's refusal {@link Gate}s costs: every question of the development sets is asked
 * with the shipped settings, and where it is refused after an intent was read, the query that intent gives is run
 * against the gold's. Per gate (the first one the question met, which is the one that refused it): how many refusals,
 * how many would have been right if answered, how many wrong, how many of them the database cannot answer (gold
 * {@code REFUSE}), and how many have no query at all. Written to target/eval/gates.txt and, a line per refusal, to
 * target/eval/gates.csv, with each set's totals. With -Dgates.answered=CRITICAL_WORD,... the translator answers at those
 * gates with the caveat stated, so the totals say what answering there would give. Run by
 * {@link HeldOutEvaluationIntegrationTest} with -Dgates.audit=true.
 */
final class GateAudit {

    /** Not a gate: refused before any intent was read (no table found, a change request, no schema). */
    private static final String BEFORE_INTENT = "NO_TABLE";

    private GateAudit() {
    }

    /** Counts of one row of the table: refusals, right if answered, wrong if answered, gold REFUSE, no query. */
    private static final class Tally {
        int refused;
        int right;
        int wrong;
        int mustRefuse;
        int noSql;

        void add(Tally t) {
            refused += t.refused;
            right += t.right;
            wrong += t.wrong;
            mustRefuse += t.mustRefuse;
            noSql += t.noSql;
        }

        String row(String label) {
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d |%n", label, refused, right, wrong, mustRefuse, noSql);
        }
    }

    /** Asks every development set on {@code postgres}, writes gates.txt and gates.csv under {@code dir}, returns the tables. */
    static String run(EmbeddedPostgres postgres, Path dir) throws Exception {
        Map<String, List<OfflineEvaluation.Suite>> sets = new LinkedHashMap<>();
        sets.put("heldout-v2", OfflineEvaluation.HELD_OUT);
        sets.put("heldout-v3", OfflineEvaluation.HELD_OUT_V3);
        sets.put("heldout-v4", OfflineEvaluation.HELD_OUT_V4);
        sets.put("heldout-v5", OfflineEvaluation.HELD_OUT_V5);
        sets.put("heldout-v6", OfflineEvaluation.HELD_OUT_V6);
        sets.put("heldout-v7", OfflineEvaluation.HELD_OUT_V7);
        sets.put("fresh", OfflineEvaluation.FRESH);
        sets.put("demo", OfflineEvaluation.DEMO);
        OfflineTranslator offline = new OfflineTranslator(settings());
        Map<String, OfflineTranslator.Reading> readings = new ConcurrentHashMap<>();
        Translator recording = request -> {
            OfflineTranslator.Reading r = offline.read(request);
            readings.put(request.question().question(), r);
            return r.translation();
        };
        OfflineEvaluation evaluation = new OfflineEvaluation(postgres, recording);
        Map<String, Tally> total = new LinkedHashMap<>();
        Map<String, Tally> sole = new LinkedHashMap<>();
        Map<String, Tally> kinds = new LinkedHashMap<>();
        StringBuilder csv = new StringBuilder("set,question,category,gates,critical,unknown,if_answered,sql\n");
        StringBuilder text = new StringBuilder();
        for (var set : sets.entrySet()) {
            Map<String, Tally> perSet = new LinkedHashMap<>();
            List<EvalOutcome> all = new ArrayList<>();
            int[] refuse = new int[2];
            for (OfflineEvaluation.Suite suite : set.getValue()) {
                readings.clear();
                List<EvalOutcome> outcomes = evaluation.run(suite);
                all.addAll(outcomes);
                List<EvalQuestion> questions = QuestionFile.csv(OfflineEvaluation.resource(suite.questionsResource()));
                for (int i = 0; i < outcomes.size(); i++) {
                    EvalOutcome o = outcomes.get(i);
                    if (questions.get(i).expectsRefusal()) {
                        refuse[0] += o.correct() ? 1 : 0;
                        refuse[1]++;
                    }
                    if (o.generatedSql() != null) {
                        continue;
                    }
                    EvalQuestion q = questions.get(i);
                    OfflineTranslator.Reading r = readings.get(q.turns().getLast());
                    List<Gate> gates = r == null ? List.of() : r.gates();
                    String gate = gates.isEmpty() ? BEFORE_INTENT : gates.getFirst().name();
                    Tally t = new Tally();
                    t.refused = 1;
                    String ifAnswered;
                    if (r == null || r.sql() == null) {
                        t.noSql = 1;
                        ifAnswered = "no query";
                    } else if (q.expectsRefusal()) {
                        t.mustRefuse = 1;
                        ifAnswered = "answers what must be refused";
                    } else if (evaluation.matches(suite, q.goldSql(), r.sql())) {
                        t.right = 1;
                        ifAnswered = "right";
                    } else {
                        t.wrong = 1;
                        ifAnswered = "wrong";
                    }
                    perSet.computeIfAbsent(gate, k -> new Tally()).add(t);
                    total.computeIfAbsent(gate, k -> new Tally()).add(t);
                    sole.computeIfAbsent(gates.size() == 1 ? gate + " alone" : gates.isEmpty() ? BEFORE_INTENT
                            : String.join("+", gates.stream().map(Gate::name).toList()), k -> new Tally()).add(t);
                    if (gates.equals(List.of(Gate.CRITICAL_WORD))) {
                        kinds.computeIfAbsent(kind(r.criticalWords()), k -> new Tally()).add(t);
                    }
                    csv.append(String.join(",", set.getKey(), quoted(q.question()), quoted(o.category()),
                            String.join("+", gates.stream().map(Gate::name).toList()),
                            quoted(r == null ? "" : String.join(" | ", r.criticalWords())),
                            quoted(r == null ? "" : String.join(" | ", r.unknownWords())), ifAnswered,
                            quoted(r == null || r.sql() == null ? "" : r.sql()))).append('\n');
                }
            }
            EvalReport report = new EvalReport("offline", all);
            text.append("\n## ").append(set.getKey()).append('\n').append(report.summary().lines().limit(4)
                    .collect(Collectors.joining("\n", "", "\n")));
            text.append(String.format(Locale.ROOT, "unanswerable (gold REFUSE) refused: %d/%d%n", refuse[0], refuse[1]));
            table(text, perSet);
        }
        StringBuilder head = new StringBuilder("# Refusals by the gate that refused (all sets)\n");
        table(head, total);
        head.append("\n# By the whole set of gates a refusal met (answering needs every one of them opened)\n");
        table(head, sole);
        head.append("\n# Refused at CRITICAL_WORD alone, by the kind of its first decisive word\n");
        table(head, kinds);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("gates.txt"), head.append(text), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("gates.csv"), csv, StandardCharsets.UTF_8);
        return head.toString();
    }

    /** The settings under audit: the shipped ones, or those named by -Dgates.answered=CRITICAL_WORD,... */
    private static OfflineSettings settings() {
        String named = System.getProperty("gates.answered");
        if (named == null) {
            return OfflineSettings.defaults();
        }
        Set<Gate> gates = EnumSet.noneOf(Gate.class);
        for (String g : named.split(",")) {
            if (!g.isBlank()) {
                gates.add(Gate.valueOf(g.strip()));
            }
        }
        return OfflineSettings.defaults().answering(gates);
    }

    private static void table(StringBuilder out, Map<String, Tally> rows) {
        out.append("| gate | refused | right if answered | wrong if answered | gold REFUSE | no query |\n|---|---|---|---|---|---|\n");
        Tally all = new Tally();
        rows.forEach((k, t) -> {
            out.append(t.row(k));
            all.add(t);
        });
        out.append(all.row("all"));
    }

    private static final Set<String> NEGATIONS = Set.of("no", "not", "never", "without", "none", "nobody", "nothing", "non",
            "except", "excluding", "neither", "nor");
    private static final Set<String> STATES = Set.of("upcoming", "future", "forthcoming", "past", "active", "inactive",
            "current", "pending", "open", "closed", "unresolved", "ongoing", "outstanding", "unpaid", "unfinished", "expired",
            "valid", "available", "unavailable", "still", "completed", "finished", "resolved", "cancelled", "canceled",
            "approved", "rejected", "late", "overdue", "early");

    /** A rough kind of a decisive word, for the audit only. */
    private static String kind(List<String> words) {
        String w = words.getFirst();
        String lower = w.toLowerCase(Locale.ROOT);
        if (w.chars().anyMatch(Character::isDigit) || w.startsWith("'") || w.startsWith("\"")
                || Character.isUpperCase(w.charAt(0)) && !lower.equals("i")) {
            return "value (number, quoted, capitalised)";
        }
        if (NEGATIONS.contains(lower)) {
            return "negation";
        }
        if (STATES.contains(lower)) {
            return "state";
        }
        if (WordCues.OPERATIONS.contains(lower) || lower.contains(" ")) {
            return "operation (rank, aggregate, group, compare, part, period)";
        }
        return "other (the noun asked about, a word read but not placed, a related table)";
    }

    /** Cue words of operations, for the audit's rough kinds. */
    private static final class WordCues {
        static final Set<String> OPERATIONS = Set.of("per", "most", "least", "fewest", "top", "average", "mean", "total",
                "sum", "maximum", "minimum", "highest", "lowest", "more", "less", "fewer", "greater", "over", "under", "above",
                "below", "than", "before", "after", "since", "between", "next", "previous", "ago", "much", "percentage",
                "percent", "proportion", "share", "fraction", "ratio");
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
