package io.dbchat.translator.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmStub;
import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.RedisClients;
import io.dbchat.translator.context.ConversationHistory;
import io.dbchat.translator.context.WithHistory;
import io.dbchat.translator.offline.OfflineTranslator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class TranslatorStageConfigurationTest {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final org.redisson.api.RedissonClient redis = RedisClients.create("redis://127.0.0.1:1", Duration.ofMillis(200));
    final ConversationHistory store = new ConversationHistory(new ConversationRecords(redis), 10, meters);

    @AfterEach
    void close() {
        redis.shutdown();
    }

    @Test
    void withNoProviderConfiguredTheOfflineTranslatorAnswersOnTheStreamThread() {
        var config = new TranslatorStageConfiguration();
        var llm = llm(Map.of());
        var properties = translatorProperties(Map.of());
        var translator = config.translator(llm, properties, store, meters, config.modelCalls(llm, properties));

        assertThat(translator).isInstanceOf(WithHistory.class);
        assertThat(translator.isRemote()).isFalse();
        var answer = translator.translate(io.dbchat.translator.TranslationRequest.first(
                io.dbchat.translator.Fixtures.ask("How many users are there?"), io.dbchat.translator.Fixtures.SCHEMA,
                java.util.List.of()));
        assertThat(answer.translator()).isEqualTo(OfflineTranslator.INFO);
        assertThat(answer.translator().provider()).isEqualTo("offline");
    }

    @Test
    void anOpenAiCompatibleEndpointSelectsTheLanguageModelWithHistory() {
        try (var stub = new LlmStub()) {
            var config = new TranslatorStageConfiguration();
            var llm = llm(Map.of("dbchat.llm.endpoints.openai.base-url", stub.openAiBaseUrl(), "dbchat.llm.model", "qwen2.5-coder"));
            var properties = translatorProperties(Map.of());
            var calls = config.modelCalls(llm, properties);
            var translator = config.translator(llm, properties, store, meters, calls);

            assertThat(translator).isInstanceOf(WithHistory.class);
            assertThat(translator.isRemote()).isTrue();
            assertThat(config.model(llm, calls).health(true).getStatus().getCode()).isEqualTo("UP");
        }
    }

    @Test
    void everyTranslatorSettingHasADefaultAndPricesCanBeConfigured() {
        var p = translatorProperties(Map.of("dbchat.translator.prices.my-model.input", "1.5",
                "dbchat.translator.prices.my-model.output", "2"));

        assertThat(p.maxCorrections()).isEqualTo(2);
        assertThat(p.promptVersion()).isEqualTo("translate-v2");
        assertThat(p.schemaTokenBudget()).isEqualTo(6000);
        assertThat(p.maxInFlight()).isEqualTo(1024);
        assertThat(p.contextMaxTurns()).isEqualTo(10);
        assertThat(p.priceTable().cost("my-model", 1_000_000, 1_000_000)).isEqualByComparingTo(new BigDecimal("3.5"));
        assertThat(p.priceTable().cost("gpt-4o-mini", 1_000_000, 0)).isEqualByComparingTo(new BigDecimal("0.15"));
    }

    private static LlmProperties llm(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("dbchat.llm", LlmProperties.class);
    }

    private static TranslatorProperties translatorProperties(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("dbchat.translator", TranslatorProperties.class);
    }
}
