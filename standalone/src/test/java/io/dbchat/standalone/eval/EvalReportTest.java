package io.dbchat.standalone.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalReportTest {

    private final EvalReport report = new EvalReport("offline", List.of(
            new EvalOutcome("q1", "count", "g1", "s1", true, "match", 10),
            new EvalOutcome("q2", "count", "g2", null, false, "no SQL: refused", 30),
            new EvalOutcome("q3", "filter", "g3", "s3", true, "match", 20),
            new EvalOutcome("q4, \"quoted\"", "filter", "g4", "s4", true, "match", 40)));

    @Test
    void givesAccuracyOverallAndPerCategory() {
        assertThat(report.accuracy()).isEqualTo(0.75);
        assertThat(report.byCategory()).containsOnlyKeys("count", "filter");
        assertThat(report.byCategory().get("count")).containsExactly(1, 2, 1, 0);
        assertThat(report.summary()).contains("3/4 =  75.0%", "count", "filter", "p50 20 ms", "p95 40 ms");
    }

    @Test
    void separatesHonestRefusalsFromConfidentlyWrongAnswers() {
        var mixed = new EvalReport("offline", List.of(
                new EvalOutcome("q1", "c", "g", "s", true, "match", 1),
                new EvalOutcome("q2", "c", "g", null, false, "no SQL: refused", 1),
                new EvalOutcome("q3", "c", "g", "s", false, "expected 2 rows, got 3", 1,
                        EvalOutcome.Verdict.HEDGED, "ignored: active"),
                new EvalOutcome("q4", "c", "g", "s", false, "expected 2 rows, got 3", 1)));

        assertThat(mixed.count(EvalOutcome.Verdict.WRONG)).isEqualTo(1);
        assertThat(mixed.confidentlyWrong()).isEqualTo(0.25);
        assertThat(mixed.summary()).contains("Correct:              1/4 =  25.0%",
                "Honest refusals:      2/4 =  50.0% (1 refused, 1 answered saying what it did not understand)",
                "Confidently wrong:    1/4 =  25.0%");
        var json = Json.MAPPER.readTree(mixed.json());
        assertThat(json.get("confidently_wrong").asInt()).isEqualTo(1);
        assertThat(json.get("honest_refusals").asInt()).isEqualTo(2);
        assertThat(json.get("questions").get(2).get("caveat").asString()).isEqualTo("ignored: active");
    }

    @Test
    void givesNearestRankLatencyPercentiles() {
        assertThat(report.latencyPercentile(50)).isEqualTo(20);
        assertThat(report.latencyPercentile(95)).isEqualTo(40);
        assertThat(new EvalReport("x", List.of()).latencyPercentile(95)).isZero();
    }

    @Test
    void writesJsonOrCsvByTheFileName(@TempDir Path dir) throws IOException {
        report.write(dir.resolve("r.json"));
        report.write(dir.resolve("r.csv"));

        var json = Json.MAPPER.readTree(Files.readString(dir.resolve("r.json")));
        assertThat(json.get("accuracy").asDouble()).isEqualTo(0.75);
        assertThat(json.get("questions")).hasSize(4);
        assertThat(json.get("questions").get(1).path("generated_sql").asString("")).isEmpty();
        List<String> csv = Files.readAllLines(dir.resolve("r.csv"));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(4)).startsWith("\"q4, \"\"quoted\"\"\",\"filter\"");
    }
}
