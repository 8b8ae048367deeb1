package io.dbchat.translator.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.llm.LlmStub;
import io.dbchat.translator.Fixtures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The translator stops (crash, rebalance) while LLM calls are in flight; a new instance with an empty state
 * directory restores the pending calls from the changelog and re-issues them. Every question then has exactly
 * one proposed SQL (read_committed), in each conversation's order.
 */
class TranslatorCrashRecoveryIntegrationTest {

    static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void startBroker() {
        kafka = StageHarness.broker(2);
    }

    @AfterAll
    static void stopBroker() {
        kafka.destroy();
    }

    @Test
    void pendingCallsSurviveTheInstanceAndAreAnsweredExactlyOnceInOrder() throws Exception {
        var harness = new StageHarness(kafka.getBrokersAsString(), 2);
        var options = new TranslatorTopology.Options(2, new AsyncSettings(64, Duration.ofSeconds(60), Duration.ofMillis(5)));
        List<QuestionAsked> questions = questions(6, 2);
        try (var stub = new LlmStub()) {
            stub.answerWith(r -> LlmStub.Reply.text("SELECT 1").after(Duration.ofSeconds(30)));
            harness.publish(Fixtures.PROJECTS, questions);

            try (var first = harness.start(StageHarness.llm(stub, Duration.ofSeconds(60)), options, 1)) {
                awaitRequests(stub, 6);
                Thread.sleep(500); // the pending store's changelog is committed every 10 ms
            }
            int beforeRestart = stub.requests().size();
            stub.answerWith(r -> LlmStub.Reply.text("SELECT '" + queryIdIn(r.prompt()) + "'"));

            try (var second = harness.start(StageHarness.llm(stub, Duration.ofSeconds(60)), options, 1)) {
                List<SqlProposed> proposed = readSql(harness, questions.size(), Duration.ofSeconds(60));

                assertThat(beforeRestart).isEqualTo(6);
                assertThat(proposed).extracting(SqlProposed::queryId)
                        .containsExactlyInAnyOrderElementsOf(questions.stream().map(QuestionAsked::queryId).toList());
                assertThat(proposed).allSatisfy(p -> assertThat(p.attempt()).isEqualTo(1));
                assertThat(proposed).allSatisfy(p -> assertThat(p.sql()).isEqualTo("SELECT '" + p.question().question() + "'"));
                Map<String, List<String>> byConversation = proposed.stream().collect(Collectors.groupingBy(
                        p -> p.question().conversationId(), Collectors.mapping(SqlProposed::queryId, Collectors.toList())));
                byConversation.forEach((conversation, ids) -> assertThat(ids).isSorted());
            }
        }
    }

    /** Questions whose text is their query id, so a reply can name the question it answers. */
    private static List<QuestionAsked> questions(int conversations, int perConversation) {
        List<QuestionAsked> out = new ArrayList<>();
        for (int turn = 0; turn < perConversation; turn++) {
            for (int c = 0; c < conversations; c++) {
                String id = "c" + c + "-q" + turn;
                out.add(QuestionAsked.of(id, "c" + c, "anonymous", "demo", id, Instant.now()));
            }
        }
        return out;
    }

    private static String queryIdIn(String prompt) {
        return prompt.substring(prompt.lastIndexOf("Question: ") + "Question: ".length()).strip();
    }

    private static void awaitRequests(LlmStub stub, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (stub.requests().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Reads until {@code expected} records arrived, then a little longer to catch any duplicate. */
    private static List<SqlProposed> readSql(StageHarness harness, int expected, Duration timeout) {
        List<SqlProposed> out = new ArrayList<>();
        try (var reader = harness.sqlReader()) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (out.size() < expected && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
            long grace = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < grace) {
                reader.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
