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

/** The outcomes of an eval run: execution accuracy overall and per category, latency percentiles, a file report. */
public record EvalReport(String translator, List<EvalOutcome> outcomes) {

    public double accuracy() {
        return outcomes.isEmpty() ? 0 : (double) correct(outcomes) / outcomes.size();
    }

    /** Category → [correct, total], sorted by category. */
    public Map<String, int[]> byCategory() {
        Map<String, int[]> out = new TreeMap<>();
        for (EvalOutcome o : outcomes) {
            int[] c = out.computeIfAbsent(o.category(), k -> new int[2]);
            c[0] += o.correct() ? 1 : 0;
            c[1]++;
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
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "Translator: %s%nExecution accuracy: %d/%d = %.1f%%%n",
                translator, correct(outcomes), outcomes.size(), 100 * accuracy()));
        byCategory().forEach((category, c) -> s.append(String.format(Locale.ROOT, "  %-14s %3d/%-3d %5.1f%%%n",
                category, c[0], c[1], 100.0 * c[0] / c[1])));
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
        body.put("latency_p50_ms", latencyPercentile(50));
        body.put("latency_p95_ms", latencyPercentile(95));
        Map<String, Object> categories = new TreeMap<>();
        byCategory().forEach((k, c) -> categories.put(k, Map.of("correct", c[0], "total", c[1])));
        body.put("categories", categories);
        body.put("questions", outcomes);
        return Json.MAPPER.writeValueAsString(body);
    }

    String csv() {
        List<String> lines = new ArrayList<>();
        lines.add("question,category,gold_sql,generated_sql,correct,reason,latency_ms");
        for (EvalOutcome o : outcomes) {
            lines.add(String.join(",", quote(o.question()), quote(o.category()), quote(o.goldSql()),
                    quote(o.generatedSql()), String.valueOf(o.correct()), quote(o.reason()), String.valueOf(o.latencyMs())));
        }
        return String.join("\n", lines) + "\n";
    }

    private static String quote(String s) {
        return s == null ? "" : '"' + s.replace("\"", "\"\"") + '"';
    }

    private static long correct(List<EvalOutcome> outcomes) {
        return outcomes.stream().filter(EvalOutcome::correct).count();
    }
}
