package io.dbchat.standalone.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.serde.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbchat eval} end to end: the whole pipeline in-process over the embedded demo database. */
class EvalCommandIntegrationTest {

    @Test
    void scoresASmallQuestionFileThroughTheRunningPipeline(@TempDir Path dir) throws Exception {
        Path report = dir.resolve("report.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = EvalCommand.run(new String[] {"eval", "--questions", "src/test/resources/eval/smoke-questions.csv",
                "--datasource", "demo", "--translator", "offline", "--report", report.toString()},
                Map.of("DBCHAT_DATA_DIR", dir.resolve("data").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Correct: ", "Honest refusals: ", "Confidently wrong: ",
                "count", "followup", "p50", "p95");
        var json = Json.MAPPER.readTree(Files.readString(report));
        assertThat(json.get("translator").asString()).isEqualTo("offline");
        var questions = json.get("questions");
        assertThat(questions).hasSize(4);
        assertThat(questions.get(0).get("generated_sql").asString()).isEqualTo("SELECT count(*) AS count FROM projects");
        // single questions must be right; the follow-up is scored too, right once the stage passes history on
        for (int i = 0; i < 3; i++) {
            assertThat(questions.get(i).get("correct").asBoolean()).as(questions.get(i).toString()).isTrue();
        }
        assertThat(json.get("accuracy").asDouble()).isGreaterThanOrEqualTo(0.75);
        assertThat(json.get("confidently_wrong").asInt()).isZero();
    }
}
