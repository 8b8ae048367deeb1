package io.dbchat.interpreter.stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.runtime.StageMeters;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.llm.LlmProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.junit.jupiter.api.Test;

class InterpreterStageConfigurationTest {

    static final InterpreterProperties SETTINGS = StageFixtures.settings(8, Duration.ofSeconds(5), false);

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void withoutAnLlmAnswersFromTemplatesWithoutState() {
        var builder = new StreamsBuilder();

        var marker = InterpreterStageConfiguration.addTopology(builder, StageFixtures.TOPICS, llm(null, null),
                SETTINGS, Clock.systemUTC(), meters, null);

        assertThat(marker.provider()).isEqualTo("offline");
        assertThat(builder.build().describe().toString()).doesNotContain(StreamedAnswers.STORE);
    }

    @Test
    void withAnLlmStreamsAnswersThroughThePendingStore() {
        var builder = new StreamsBuilder();

        var marker = InterpreterStageConfiguration.addTopology(builder, StageFixtures.TOPICS,
                llm(null, "http://127.0.0.1:1/v1"), SETTINGS, Clock.systemUTC(), meters, null);

        assertThat(marker.provider()).isEqualTo("openai");
        assertThat(builder.build().describe().toString()).contains(StreamedAnswers.STORE);
        assertThat(meters.get(StageMeters.IN_FLIGHT).tag("stage", "interpreter").gauge().value()).isZero();
    }

    @Test
    void aProviderWithoutItsKeyStopsTheStageAtStartWithWhatIsMissing() {
        assertThatThrownBy(() -> InterpreterStageConfiguration.addTopology(new StreamsBuilder(), StageFixtures.TOPICS,
                llm("anthropic", null), SETTINGS, Clock.systemUTC(), meters, null))
                .hasMessageContaining("ANTHROPIC_API_KEY");
    }

    private static LlmProperties llm(String provider, String openAiBaseUrl) {
        return new LlmProperties(provider, null, 0, Duration.ofSeconds(5), 256, 0, Map.of("openai", new LlmProperties.Endpoint(null, openAiBaseUrl, null)));
    }
}
