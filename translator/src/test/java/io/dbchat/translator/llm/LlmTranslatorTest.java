package io.dbchat.translator.llm;

import static io.dbchat.translator.Fixtures.PROJECTS;
import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmStub;
import io.dbchat.llm.LlmStub.Reply;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.context.Turn;
import io.dbchat.translator.prompt.PromptBuilder;
import io.dbchat.translator.prompt.PromptTemplate;
import io.dbchat.translator.prompt.SchemaSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmTranslatorTest {

    final LlmStub stub = new LlmStub();
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void thePromptHoldsTheSchemaWithExactEnumValuesJoinConditionsRulesAndTheQuestion() {
        stub.enqueue(Reply.text("```sql\nSELECT name FROM projects WHERE status = 'On Hold' LIMIT 100;\n```"));

        var t = (Translation.Sql) openAi(Duration.ofSeconds(10)).translate(first("Which projects are on hold?", List.of()));

        assertThat(t.sql()).isEqualTo("SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100");
        String prompt = stub.requests().getFirst().prompt();
        assertThat(prompt).contains("PostgreSQL")
                .contains("CREATE TABLE projects (")
                .contains("'Active', 'On Hold', 'It''s done'")
                .contains("'P1 - urgent', 'p2'")
                .contains("FOREIGN KEY (team_id) REFERENCES teams (id)")
                .contains("projects.team_id = teams.id")
                .contains("Use only the tables and columns listed above")
                .contains("exactly the spelling listed")
                .contains("LIMIT 100")
                .contains("Question: Which projects are on hold?");
        assertThat(stub.requests().getFirst().body().path("temperature").asDouble()).isZero();
    }

    @Test
    void theEventRecordsProviderModelPromptVersionTokensAndCost() {
        stub.enqueue(Reply.text("SELECT count(*) FROM teams"));

        var t = (Translation.Sql) openAi(Duration.ofSeconds(10)).translate(first("How many teams?", List.of()));

        assertThat(t.translator()).isEqualTo(new TranslatorInfo("openai", "gpt-4o-mini", "translate-v1"));
        assertThat(t.usage().inputTokens()).isEqualTo(100);
        assertThat(t.usage().outputTokens()).isEqualTo(4);
        assertThat(t.usage().costUsd()).isEqualByComparingTo(new BigDecimal("0.0000174"));
        assertThat(meters.get("dbchat.llm.calls").tag("status", "ok").tag("prompt_version", "translate-v1").counter().count())
                .isEqualTo(1);
        assertThat(meters.get("dbchat.llm.tokens").tag("direction", "input").counter().count()).isEqualTo(100);
        assertThat(meters.get("dbchat.llm.latency").timer().count()).isEqualTo(1);
    }

    @Test
    void anthropicIsAskedInItsOwnFormatWithTheSameSchema() {
        stub.enqueue(Reply.text("SELECT t.name, count(*) FROM teams t JOIN projects p ON p.team_id = t.id GROUP BY t.name"));
        var p = new LlmProperties("anthropic", null, 0, Duration.ofSeconds(10), 512, 0,
                Map.of("anthropic", new LlmProperties.Endpoint("test-key", stub.anthropicBaseUrl(), null)));

        var t = (Translation.Sql) translator(p).translate(first("Projects per team?", List.of()));

        assertThat(t.sql()).startsWith("SELECT t.name, count(*)");
        assertThat(t.translator().provider()).isEqualTo("anthropic");
        var sent = stub.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.prompt()).contains("'On Hold'").contains("projects.team_id = teams.id").contains("Projects per team?");
    }

    @Test
    void aFollowUpsPromptHoldsTheEarlierQuestionsAndTheirSql() {
        stub.enqueue(Reply.text("SELECT name FROM projects WHERE status = 'On Hold' ORDER BY budget DESC LIMIT 100"));
        var history = List.of(new Turn("q-1", "Which projects are on hold?",
                "SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100", "3 projects are on hold."));

        openAi(Duration.ofSeconds(10)).translate(first("sort that by budget", history));

        assertThat(stub.requests().getFirst().prompt())
                .contains("Question: Which projects are on hold?\nSQL: SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100")
                .contains("Answer: 3 projects are on hold.")
                .contains("Question: sort that by budget");
    }

    @Test
    void aCorrectionsPromptHoldsTheFailedSqlAndTheDatabasesError() {
        stub.enqueue(Reply.text("SELECT name FROM projects LIMIT 100"));
        var failed = SqlProposed.of(ask("List projects"), "SELECT nme FROM projects", 1, null, null, 1, "v-2");
        var request = new TranslationRequest(ask("List projects"), PROJECTS, List.of(), 2,
                SqlFailed.of(failed, "undefined_column", "42703", "column \"nme\" does not exist"));

        openAi(Duration.ofSeconds(10)).translate(request);

        assertThat(stub.requests().getFirst().prompt())
                .contains("Your previous SQL for this question failed (attempt 1)")
                .contains("SELECT nme FROM projects")
                .contains("The database said: column \"nme\" does not exist (SQLSTATE 42703)");
    }

    @Test
    void aRefusalBecomesAnAnswerThatSaysSo() {
        stub.enqueue(Reply.text("I cannot answer that: the schema has no salary information."));

        var t = openAi(Duration.ofSeconds(10)).translate(first("What is the CEO's salary?", List.of()));

        var refusal = (Translation.Refusal) t;
        assertThat(refusal.problem().code()).isEqualTo("untranslatable");
        assertThat(refusal.interactions()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("refused");
            assertThat(c.outputTokens()).isEqualTo(10);
            assertThat(c.error()).isNull();
        });
        assertThat(refusal.problem().message()).isEqualTo("I cannot answer that: the schema has no salary information.");
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedUntilTheModelAnswers() {
        stub.enqueue(Reply.error(429), Reply.error(503), Reply.text("SELECT 1"));

        var t = openAi(Duration.ofSeconds(10)).translate(first("How many teams?", List.of()));

        assertThat(t).isInstanceOf(Translation.Sql.class);
        assertThat(t.interactions()).extracting(LlmInteraction::status).containsExactly("rate_limited", "unavailable", "ok");
        assertThat(t.interactions().getFirst().error()).contains("stub error 429");
        assertThat(stub.requests()).hasSize(3);
        assertThat(meters.get("dbchat.llm.calls").tag("status", "rate_limited").counter().count()).isEqualTo(1);
        assertThat(meters.get("dbchat.llm.calls").tag("status", "unavailable").counter().count()).isEqualTo(1);
    }

    @Test
    void aMalformedReplyIsAskedAgainNeverACrash() {
        stub.enqueue(Reply.text("{\"weird\": true}"), Reply.text("SELECT 2"));

        var t = (Translation.Sql) openAi(Duration.ofSeconds(10)).translate(first("How many teams?", List.of()));

        assertThat(t.sql()).isEqualTo("SELECT 2");
        assertThat(t.usage().inputTokens()).isEqualTo(200);
        assertThat(t.interactions()).extracting(LlmInteraction::status, LlmInteraction::inputTokens, LlmInteraction::outputTokens)
                .containsExactly(tuple("malformed", 100L, 2L), tuple("ok", 100L, 2L));
        assertThat(t.interactions().getFirst().error()).startsWith("the reply held no SQL query");
        assertThat(t.usage().costUsd()).isEqualByComparingTo(t.interactions().get(0).costUsd().add(t.interactions().get(1).costUsd()));
        assertThat(meters.get("dbchat.llm.calls").tag("status", "malformed").counter().count()).isEqualTo(1);
    }

    @Test
    void anOutageEndsInAClearAnswerAndThenOpensTheCircuit() {
        stub.answerWith(r -> Reply.error(500));
        var translator = openAi(Duration.ofSeconds(10));

        var first = (Translation.Refusal) translator.translate(first("How many teams?", List.of()));
        int afterFirst = stub.requests().size();
        var second = (Translation.Refusal) translator.translate(first("How many teams?", List.of()));
        int afterOpening = stub.requests().size();
        var third = (Translation.Refusal) translator.translate(first("How many teams?", List.of()));

        assertThat(first.problem().code()).isEqualTo("unavailable");
        assertThat(first.problem().message()).contains("openai (gpt-4o-mini)").contains("not answering");
        assertThat(afterFirst).isEqualTo(3);
        assertThat(afterOpening).isEqualTo(5);
        assertThat(third.problem().message()).contains("paused");
        assertThat(first.interactions()).hasSize(3).allSatisfy(c -> assertThat(c.status()).isEqualTo("unavailable"));
        assertThat(meters.get("dbchat.llm.calls").tag("status", "unavailable").counter().count()).isEqualTo(5);
        assertThat(second.interactions()).extracting(LlmInteraction::status)
                .containsExactly("unavailable", "unavailable", "circuit_open");
        assertThat(meters.get("dbchat.llm.calls").tag("status", "circuit_open").counter().count()).isEqualTo(2);
        assertThat(meters.get("dbchat.llm.latency").tag("status", "unavailable").timer().count()).isEqualTo(5);
        assertThat(third.interactions()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("circuit_open");
            assertThat(c.latencyMs()).isZero();
        });
        assertThat(stub.requests()).hasSize(afterOpening);
    }

    @Test
    void aProviderThatDoesNotAnswerInTimeIsRetriedThenReported() {
        stub.answerWith(r -> Reply.text("SELECT 1").after(Duration.ofSeconds(2)));

        var t = (Translation.Refusal) openAi(Duration.ofMillis(300)).translate(first("How many teams?", List.of()));

        assertThat(t.problem().code()).isEqualTo("timeout");
        assertThat(t.interactions()).hasSize(3).allSatisfy(c -> {
            assertThat(c.status()).isEqualTo("timeout");
            assertThat(c.latencyMs()).isGreaterThanOrEqualTo(250);
        });
        assertThat(t.problem().message()).contains("did not answer in time");
        assertThat(stub.requests()).hasSize(3);
    }

    private static TranslationRequest first(String question, List<Turn> history) {
        return TranslationRequest.first(ask(question), PROJECTS, history);
    }

    private LlmTranslator openAi(Duration timeout) {
        return translator(new LlmProperties("openai", null, 0, timeout, 512, 2, 
                Map.of("openai", new LlmProperties.Endpoint(null, stub.openAiBaseUrl(), null))));
    }

    private LlmTranslator translator(LlmProperties p) {
        var prompts = new PromptBuilder(PromptTemplate.load("translate-v1", null),
                new SchemaSelector(6000, () -> {
                    throw new AssertionError("a small schema needs no embeddings");
                }), "PostgreSQL", 100);
        var resilience = new Resilience(new Resilience.Settings(2, Duration.ofMillis(1), Duration.ofMillis(5), 5,
                Duration.ofMinutes(1)), Clock.systemUTC(), d -> { });
        return new LlmTranslator(ChatModels.chat(p), p.effectiveProvider(), p.effectiveModel(), prompts, resilience,
                new InteractionLog(meters), Prices.defaults(), Clock.systemUTC());
    }
}
