package io.dbchat.interpreter.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.narrate.InterpretPrompt;
import io.dbchat.interpreter.narrate.LlmAnswerWriter;
import io.dbchat.interpreter.narrate.PromptFixtures;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmStub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The streamed answer end to end against a local OpenAI-compatible streaming server. */
class LlmStreamingTopologyTest {

    final LlmStub stub = new LlmStub();

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void publishesEveryTokenInOrderThenAFinalWithTheWholeText() throws InterruptedException {
        String text = IntStream.range(0, 45).mapToObj(i -> "word" + i).collect(Collectors.joining(" ")) + ".";
        stub.enqueue(LlmStub.Reply.text(text));

        List<ReplyEvent> replies = answer(StageFixtures.settings(8, Duration.ofSeconds(10), false),
                StageFixtures.count("q-1", "c-1", 600));

        assertThat(replies.getFirst().type()).isEqualTo(ReplyType.STATUS);
        assertThat(replies.getLast().type()).isEqualTo(ReplyType.FINAL);
        List<ReplyEvent> tokens = replies.subList(1, replies.size() - 1);
        assertThat(tokens).isNotEmpty().allMatch(r -> r.type() == ReplyType.TOKEN)
                .allMatch(r -> r.text().split(" ").length <= 20);
        assertThat(replies).extracting(ReplyEvent::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(0, tokens.size() + 1).mapToObj(n -> 1000L + n).toList());
        assertThat(tokens.stream().map(ReplyEvent::text).collect(Collectors.joining())).isEqualTo(text);
        assertThat(replies.getLast().answer().reply()).isEqualTo(text);
        assertThat(stub.requests()).singleElement().satisfies(r -> assertThat(r.prompt())
                .contains("How many users are there?", "SELECT count(*) AS count FROM users", "600"));
    }

    @Test
    void inPrivacyModeNoRowValueReachesTheLlmAndTheAnswerStillArrives() throws InterruptedException {
        stub.enqueue(LlmStub.Reply.text("Three employees earn between about 45,000 and 120,000."));
        QueryResult result = PromptFixtures.employees("hr");

        List<ReplyEvent> replies = answer(StageFixtures.settings(8, Duration.ofSeconds(10), true), result);

        assertThat(replies.getLast().answer().reply()).isEqualTo("Three employees earn between about 45,000 and 120,000.");
        assertThat(replies.getLast().answer().rows()).hasSize(3);
        assertThat(stub.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.body().toString()).doesNotContain(
                        PromptFixtures.rowValues()));
    }

    @Test
    void answersFromTemplatesWhenTheProviderFails() throws InterruptedException {
        stub.enqueue(LlmStub.Reply.error(500));

        List<ReplyEvent> replies = answer(StageFixtures.settings(8, Duration.ofSeconds(10), false),
                StageFixtures.count("q-1", "c-1", 1234));

        assertThat(replies).extracting(ReplyEvent::type).containsExactly(ReplyType.STATUS, ReplyType.FINAL);
        assertThat(replies.getLast().answer().reply()).isEqualTo("There are 1,234 users.");
    }

    @Test
    void aCancelledAnswerStopsTheModelAndTheQueryEndsWithOneCancelledErrorAndNoFinal() throws InterruptedException {
        stub.enqueue(LlmStub.Reply.text("word ".repeat(400).strip()).paced(Duration.ofMillis(25)));
        QueryResult result = StageFixtures.count("q-1", "c-1", 600);
        var settings = StageFixtures.settings(8, Duration.ofSeconds(60), false);
        try (TopologyTestDriver driver = StageFixtures.driver(llmStage(settings))) {
            StageFixtures.results(driver).pipeInput("c-1", result);
            var out = StageFixtures.replies(driver);
            List<ReplyEvent> replies = new ArrayList<>();
            collectUntil(driver, out, replies, r -> r.type() == ReplyType.TOKEN);

            driver.createInputTopic(StageFixtures.TOPICS.cancellations().name(),
                            StageFixtures.TOPICS.cancellations().key().serializer(),
                            StageFixtures.TOPICS.cancellations().value().serializer())
                    .pipeInput("c-1", QueryCancelled.of(result.question(), "p", Instant.now()));
            collectUntil(driver, out, replies, r -> r.type() == ReplyType.ERROR);
            for (long deadline = System.currentTimeMillis() + 30_000;
                 stub.abandoned() == 0 && System.currentTimeMillis() < deadline; ) {
                Thread.sleep(10);
                driver.advanceWallClockTime(Duration.ofMillis(10));
                replies.addAll(out.readValuesToList());
            }

            assertThat(stub.abandoned()).as("the model's stream was closed before its end").isEqualTo(1);
            assertThat(replies).filteredOn(r -> r.type().isTerminal()).singleElement()
                    .satisfies(r -> assertThat(r.error().code()).isEqualTo(ErrorCode.CANCELLED.code()));
        }
    }

    private void collectUntil(TopologyTestDriver driver, TestOutputTopic<String, ReplyEvent> out,
                              List<ReplyEvent> replies, Predicate<ReplyEvent> seen)
            throws InterruptedException {
        for (long deadline = System.currentTimeMillis() + 30_000;
             replies.stream().noneMatch(seen) && System.currentTimeMillis() < deadline; ) {
            Thread.sleep(10);
            driver.advanceWallClockTime(Duration.ofMillis(10));
            replies.addAll(out.readValuesToList());
        }
        assertThat(replies).anyMatch(seen);
    }

    private StreamsBuilder llmStage(InterpreterProperties settings) {
        var llm = new LlmProperties("openai", null, 0, Duration.ofSeconds(10), 256, 0, Map.of("openai", new LlmProperties.Endpoint(null, stub.openAiBaseUrl(), null)));
        var builder = new StreamsBuilder();
        InterpreterTopology.build(builder, StageFixtures.TOPICS, Clock.systemUTC(),
                new LlmAnswerWriter(ChatModels.streaming(llm), new InterpretPrompt(settings)), settings,
                new SimpleMeterRegistry());
        return builder;
    }

    private List<ReplyEvent> answer(InterpreterProperties settings, QueryResult result) throws InterruptedException {
        try (TopologyTestDriver driver = StageFixtures.driver(llmStage(settings))) {
            StageFixtures.results(driver).pipeInput(result.question().conversationId(), result);
            var out = StageFixtures.replies(driver);
            List<ReplyEvent> replies = new ArrayList<>();
            collectUntil(driver, out, replies, r -> r.type() == ReplyType.FINAL);
            return replies;
        }
    }
}
