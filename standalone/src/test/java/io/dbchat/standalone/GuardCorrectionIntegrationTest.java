package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.gateway.query.ReplyMessage;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.llm.LlmStub;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running system with a scripted model on a recording stub: a column the model misspells is refused by the
 * guard and corrected on the second attempt, whose prompt carries the refusal and the table's real columns; an
 * attack the model writes is refused once, with the guard's code, and never sent back to the model.
 */
class GuardCorrectionIntegrationTest {

    static LlmStub llm;
    static Standalone dbchat;
    static PipelineClient client;

    @BeforeAll
    static void start() throws Exception {
        llm = new LlmStub().answerWith(GuardCorrectionIntegrationTest::modelReply);
        dbchat = Standalone.start(new StandaloneSettings(
                Map.of("DBCHAT_LLM_PROVIDER", "openai", "OPENAI_BASE_URL", llm.openAiBaseUrl()),
                List.of("--server.port=0")));
        client = new PipelineClient(dbchat.port());
        client.awaitSchema();
    }

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
        }
        if (llm != null) {
            llm.close();
        }
    }

    @Test
    void aMisspelledColumnIsCorrectedOnTheSecondAttemptWithTheRefusalAndTheRealColumnsInHand() {
        String queryId = client.submit("BUDGETS: what is the budget of each project?");

        List<ReplyMessage> events = client.events(queryId);

        ReplyMessage last = events.getLast();
        assertThat(last.type()).isEqualTo(ReplyType.FINAL);
        assertThat(last.answer().problem()).isNull();
        assertThat(last.answer().sql()).contains("SELECT name, budget FROM projects");
        assertThat(last.answer().rows()).isNotEmpty();
        assertThat(events).filteredOn(e -> "translating".equals(e.stage())).extracting(ReplyMessage::seq)
                .containsExactly(11L, 21L);
        List<LlmStub.Recorded> translations = translations("BUDGETS");
        assertThat(translations).hasSize(2);
        assertThat(translations.getFirst().prompt()).doesNotContain("refused");
        assertThat(translations.get(1).prompt())
                .contains("SELECT name, budgett FROM projects")
                .contains("The SQL check refused it: The column 'budgett' is not available.")
                .contains("- projects: id, client_id, team_id, lead_id, name, status, budget, start_date, end_date");
    }

    @Test
    void anAttackIsRefusedOnceWithTheGuardsCodeAndNotSentBackToTheModel() {
        String queryId = client.submit("SLEEPY: hold the database for a minute");

        ReplyMessage last = client.events(queryId).getLast();

        assertThat(last.type()).isEqualTo(ReplyType.FINAL);
        assertThat(last.answer().problem().code()).isEqualTo("sql.function_not_allowed");
        assertThat(translations("SLEEPY")).hasSize(1);
    }

    private static List<LlmStub.Recorded> translations(String marker) {
        return llm.requests().stream().filter(r -> r.prompt().contains("You translate questions"))
                .filter(r -> r.prompt().contains(marker)).toList();
    }

    /** The model: misspells the budget until told the real columns; writes pg_sleep when asked to hold the database. */
    private static LlmStub.Reply modelReply(LlmStub.Recorded request) {
        String prompt = request.prompt();
        if (!prompt.contains("You translate questions")) {
            return LlmStub.Reply.text("Here is the answer.");
        }
        if (prompt.contains("SLEEPY")) {
            return LlmStub.Reply.text("SELECT pg_sleep(60)");
        }
        return LlmStub.Reply.text(prompt.contains("The SQL check refused it")
                ? "SELECT name, budget FROM projects ORDER BY id"
                : "SELECT name, budgett FROM projects ORDER BY id");
    }
}
