package io.dbchat.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmProvidersTest {

    /** A provider as a new one would be written: a class, nothing else to edit. */
    record Fake(String name, int rank, String key) implements LlmProvider {

        @Override
        public String defaultModel() {
            return name + "-small";
        }

        @Override
        public boolean isConfigured(LlmProperties settings) {
            return settings.endpoint(key).hasKey();
        }

        @Override
        public ChatModel chat(LlmProperties settings, String model) {
            throw new UnsupportedOperationException();
        }

        @Override
        public StreamingChatModel streaming(LlmProperties settings, String model) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void choosesTheConfiguredProviderOfLowestRankAndItsDefaultModel() {
        var providers = LlmProviders.of(List.of(new Fake("late", 50, "a"), new Fake("early", 5, "b"),
                new Fake("by-name-only", Integer.MAX_VALUE, "a")));

        var both = ChatModelsTest.bind(Map.of("endpoints.a.api-key", "k", "endpoints.b.api-key", "k"));
        var onlyA = ChatModelsTest.bind(Map.of("endpoints.a.api-key", "k"));

        assertThat(providers.choose(both)).isEqualTo("early");
        assertThat(providers.model(both)).isEqualTo("early-small");
        assertThat(providers.choose(onlyA)).isEqualTo("late");
        assertThat(providers.choose(ChatModelsTest.bind(Map.of()))).isEqualTo(LlmProperties.OFFLINE);
        assertThat(providers.names()).containsExactly("offline", "by-name-only", "early", "late");
    }

    @Test
    void refusesTwoProvidersOfOneName() {
        assertThatThrownBy(() -> LlmProviders.of(List.of(new Fake("x", 1, "a"), new Fake("x", 2, "b"))))
                .hasMessageContaining("Two LLM providers are named 'x'");
    }
}
