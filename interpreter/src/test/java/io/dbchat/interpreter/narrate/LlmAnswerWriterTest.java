package io.dbchat.interpreter.narrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmStub;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LlmAnswerWriterTest {

    final LlmStub stub = new LlmStub();

    @AfterEach
    void close() {
        stub.close();
    }

    @Test
    void streamsTheAnswerTokenByTokenAndCompletesWithTheWholeText() throws Exception {
        stub.enqueue(LlmStub.Reply.text("Ada Lovelace earns the most, $123,456.78."));
        List<String> tokens = new CopyOnWriteArrayList<>();

        String text = writer().write(InterpretPromptTest.result("hr"), tokens::add).get(10, TimeUnit.SECONDS);

        assertThat(text).isEqualTo("Ada Lovelace earns the most, $123,456.78.");
        assertThat(tokens).containsExactly("Ada ", "Lovelace ", "earns ", "the ", "most, ", "$123,456.78.");
        var sent = stub.requests().getFirst();
        assertThat(sent.body().path("stream").asBoolean()).isTrue();
        assertThat(sent.prompt()).contains("Who earns what?", InterpretPromptTest.SQL);
    }

    @Test
    void aProviderErrorFailsTheAnswer() {
        stub.enqueue(LlmStub.Reply.error(500));

        var answer = writer().write(InterpretPromptTest.result("hr"), token -> { });

        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
    }

    @Test
    void cancellingTheAnswerClosesTheModelsStreamBeforeItsEnd() {
        stub.enqueue(LlmStub.Reply.text("word ".repeat(400).strip()).paced(Duration.ofMillis(25)));
        List<String> tokens = new CopyOnWriteArrayList<>();

        var answer = writer().write(InterpretPromptTest.result("hr"), tokens::add);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !tokens.isEmpty());
        answer.cancel(true);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stub.abandoned() == 1);
        assertThat(tokens).hasSizeLessThan(400);
    }

    private LlmAnswerWriter writer() {
        var llm = new LlmProperties("openai", null, 0, Duration.ofSeconds(10), 256, 0, Map.of("openai", new LlmProperties.Endpoint(null, stub.openAiBaseUrl(), null)));
        return new LlmAnswerWriter(ChatModels.streaming(llm), new InterpretPrompt(InterpretPromptTest.settings(false, Map.of())));
    }
}
