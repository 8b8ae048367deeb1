package io.dbchat.standalone.eval;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcomes of an eval run: how many were right, honestly refused (or hedged) and confidently wrong, overall
 * and per category, latency percentiles, and a file report.
 */
public record EvalReport(String translator, List<EvalOutcome> outcomes) {

    /** How many outcomes had {@code verdict}. */
    public long count(EvalOutcome.Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }

    /** The share of questions answered with a wrong result and no word of doubt. */
    public double confidentlyWrong() {
        return outcomes.isEmpty() ? 0 : (double) count(EvalOutcome.Verdict.WRONG) / outcomes.size();
    }

    public double accuracy() {
        return outcomes.isEmpty() ? 0 : (double) correct(outcomes) / outcomes.size();
    }

    /** Category → [correct, total, honest refusals, confidently wrong], sorted by category. */
    public Map<String, int[]> byCategory() {
        Map<String, int[]> out = new TreeMap<>();
        for (EvalOutcome o : outcomes) {
            int[] c = out.computeIfAbsent(o.category(), k -> new int[4]);
            c[0] += o.correct() ? 1 : 0;
            c[1]++;
            c[2] += o.verdict().honest() ? 1 : 0;
            c[3] += o.verdict() == EvalOutcome.Verdict.WRONG ? 1 : 0;
        }
        return out;
    }

    /** The latency below which {@code percent} of the questions were answered (nearest rank). */
    public long latencyPercentile(int percent) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        List<Long> sorted = outcomes.stream().map(EvalOutcome::latencyMs).sorted().toList();
        int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    public String summary() {
        int n = outcomes.size();
        long refused = count(EvalOutcome.Verdict.REFUSED);
        long hedged = count(EvalOutcome.Verdict.HEDGED);
        long wrong = count(EvalOutcome.Verdict.WRONG);
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Translator: %s%n", translator));
        s.append(String.format(Locale.ROOT, "Correct:           %4d/%d = %5.1f%%%n", correct(outcomes), n, 100 * accuracy()));
        s.append(String.format(Locale.ROOT, "Honest refusals:   %4d/%d = %5.1f%% (%d refused, %d answered saying what it did not understand)%n",
                refused + hedged, n, percent(refused + hedged, n), refused, hedged));
        s.append(String.format(Locale.ROOT, "Confidently wrong: %4d/%d = %5.1f%%%n", wrong, n, percent(wrong, n)));
        s.append(String.format(Locale.ROOT, "  %-26s %7s %7s %7s%n", "category", "correct", "honest", "wrong"));
        byCategory().forEach((category, c) -> s.append(String.format(Locale.ROOT, "  %-26s %3d/%-3d %7d %7d%n",
                category, c[0], c[1], c[2], c[3])));
        s.append(String.format(Locale.ROOT, "Latency: p50 %d ms, p95 %d ms%n", latencyPercentile(50), latencyPercentile(95)));
        return s.toString();
    }

    /** Writes the per-question report as CSV when the file name ends in .csv, else as JSON. */
    public void write(Path file) throws IOException {
        String text = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? csv() : json();
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    String json() {
        Map<String, Object> body = new TreeMap<>();
        body.put("translator", translator);
        body.put("accuracy", accuracy());
        body.put("correct", correct(outcomes));
        body.put("honest_refusals", count(EvalOutcome.Verdict.REFUSED) + count(EvalOutcome.Verdict.HEDGED));
        body.put("confidently_wrong", count(EvalOutcome.Verdict.WRONG));
        body.put("total", outcomes.size());
        body.put("latency_p50_ms", latencyPercentile(50));
        body.put("latency_p95_ms", latencyPercentile(95));
        Map<String, Object> categories = new TreeMap<>();
        byCategory().forEach((k, c) -> categories.put(k, Map.of("correct", c[0], "total", c[1],
                "honest_refusals", c[2], "confidently_wrong", c[3])));
        body.put("categories", categories);
        body.put("questions", outcomes);
        return Json.MAPPER.writeValueAsString(body);
    }

    String csv() {
        List<String> lines = new ArrayList<>();
        lines.add("question,category,gold_sql,generated_sql,correct,reason,latency_ms,verdict,caveat");
        for (EvalOutcome o : outcomes) {
            lines.add(String.join(",", quote(o.question()), quote(o.category()), quote(o.goldSql()),
                    quote(o.generatedSql()), String.valueOf(o.correct()), quote(o.reason()), String.valueOf(o.latencyMs()),
                    o.verdict().name().toLowerCase(Locale.ROOT), quote(o.caveat())));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String quote(String s) {
        return s == null ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }

    private static double percent(long part, int whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    private static long correct(List<EvalOutcome> outcomes) {
        return outcomes.stream().filter(EvalOutcome::correct).count();
    }
}
