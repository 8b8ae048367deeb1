package io.dbchat.standalone.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The scripted model as LangChain4j's OpenAI clients (the translator's and the interpreter's) see it. */
class ScriptedLlmTest {

    @Test
    void answersATranslationWithTheQuestionsSql() {
        try (var model = new ScriptedLlm(Duration.ofMillis(10))) {
            var client = OpenAiChatModel.builder().baseUrl(model.openAiBaseUrl()).apiKey("k").modelName("scripted").build();

            String reply = client.chat("Schema: users(id)\nQuestion: How many users are there?");

            assertThat(reply).isEqualTo("SELECT count(*) AS count FROM users");
            assertThat(model.translations()).isEqualTo(1);
        }
    }

    @Test
    void streamsAnInterpretationInChunks() throws Exception {
        try (var model = new ScriptedLlm(Duration.ofMillis(10))) {
            var client = OpenAiStreamingChatModel.builder().baseUrl(model.openAiBaseUrl()).apiKey("k").modelName("scripted").build();
            List<String> parts = new CopyOnWriteArrayList<>();
            var done = new CompletableFuture<String>();

            client.chat("Rows: 3. Write the answer.", new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    parts.add(partial);
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    done.complete(response.aiMessage().text());
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });

            assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo("Here is the answer, in the table.");
            assertThat(parts).hasSizeGreaterThan(1);
            assertThat(model.interpretations()).isEqualTo(1);
        }
    }
}
