package io.dbchat.standalone.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void explainsItsUsageWhenTheQuestionsAreMissing() {
        int code = run("eval", "--datasource", "demo");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--questions is required", "usage: dbchat eval");
    }

    @Test
    void printsItsHelpAndExitsZero() {
        int code = run("eval", "--help");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage: dbchat eval", "confidently wrong",
                "honest refusal", "REFUSE");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void framesTheSummarySoItStandsOutBelowTheLog() {
        String framed = EvalCommand.framed("Correct: 1/1\n");

        assertThat(framed.lines().toList()).containsSubsequence("=".repeat(72), "dbchat eval summary", "=".repeat(72),
                "Correct: 1/1", "=".repeat(72));
    }

    @Test
    void readsWhatAnAnswerSaidItAssumedOrIgnored() {
        var body = tools.jackson.databind.json.JsonMapper.builder().build().readTree(
                "{\"understanding\":{\"understood\":[\"users\"],\"assumed\":[\"all users\"],\"ignored\":[\"active\"]}}");

        assertThat(EvalCommand.caveat(body)).isEqualTo("assumed: all users; ignored: active");
        assertThat(EvalCommand.caveat(tools.jackson.databind.json.JsonMapper.builder().build().readTree("{}"))).isNull();
    }

    @Test
    void refusesAnUnknownOptionAndAMissingFile() {
        assertThat(run("--questions", "q.csv", "--colour", "red")).isEqualTo(2);
        assertThat(run("--questions", "/nonexistent/q.csv")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --colour", "/nonexistent/q.csv");
    }

    @Test
    void readsItsOptions() {
        var options = EvalOptions.parse(new String[] {"eval", "--questions", "q.csv", "--translator", "openai",
                "--datasource", "postgresql://h/db", "--report", "r.json", "--timeout", "5"});

        assertThat(options.translator()).isEqualTo("openai");
        assertThat(options.demo()).isFalse();
        assertThat(options.report().toString()).isEqualTo("r.json");
        assertThat(options.timeout().toSeconds()).isEqualTo(5);
        assertThat(EvalOptions.parse(new String[] {"--questions", "q.csv"}).demo()).isTrue();
    }

    @Test
    void handsTheTranslatorAndDatasourceToTheStagesAsArguments() {
        var external = EvalOptions.parse(new String[] {"--questions", "q.csv", "--datasource", "postgresql://h:5432/shop",
                "--translator", "openai", "--model", "gpt-4o-mini"});

        assertThat(EvalCommand.arguments(Map.of("DBCHAT_DATASOURCE_USERNAME", "reader"), external)).containsExactly(
                "--server.port=0", "--dbchat.llm.provider=openai", "--dbchat.llm.model=gpt-4o-mini",
                "--dbchat.datasource.url=postgresql://h:5432/shop", "--dbchat.datasource.username=reader");
        assertThat(EvalCommand.arguments(Map.of(), EvalOptions.parse(new String[] {"--questions", "q.csv"})))
                .containsExactly("--server.port=0", "--dbchat.llm.provider=offline");
    }

    private int run(String... args) {
        return EvalCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
