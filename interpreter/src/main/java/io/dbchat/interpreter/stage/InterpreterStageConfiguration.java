package io.dbchat.interpreter.stage;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageMeters;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.narrate.InterpretPrompt;
import io.dbchat.interpreter.narrate.LlmAnswerWriter;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Wires the interpreter's topology, with an LLM when one is configured, into a Spring-managed Kafka Streams instance. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LlmProperties.class, InterpreterProperties.class})
class InterpreterStageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InterpreterStageConfiguration.class);

    @Bean
    StreamsBuilderFactoryBean interpreterStreams(PipelineProperties properties, Topics topics) {
        return StageStreams.factory("interpreter", properties, topics);
    }

    @Bean
    TopologyMarker interpreterTopology(StreamsBuilder builder, Topics topics, LlmProperties llm,
                                       InterpreterProperties settings, MeterRegistry meters) {
        return addTopology(builder, topics, llm, settings, Clock.systemUTC(), meters);
    }

    /** Answers from templates when no LLM is configured, else streamed by the configured one. */
    static TopologyMarker addTopology(StreamsBuilder builder, Topics topics, LlmProperties llm,
                                      InterpreterProperties settings, Clock clock, MeterRegistry meters) {
        if (llm.isOffline()) {
            log.info("No LLM configured: answers are written from templates");
            InterpreterTopology.build(builder, topics, clock);
            StageMeters.inFlight(meters, "interpreter", () -> 0);
            return new TopologyMarker(LlmProperties.OFFLINE);
        }
        log.info("Answers are written by {} ({}), prompt {}, privacy {} (by datasource: {})", llm.effectiveProvider(),
                llm.effectiveModel(), InterpretPrompt.VERSION, settings.privacy(), settings.privacyDatasources());
        var writer = new LlmAnswerWriter(ChatModels.streaming(llm), new InterpretPrompt(settings));
        StageMeters.inFlight(meters, "interpreter", InterpreterTopology.build(builder, topics, clock, writer, settings));
        return new TopologyMarker(llm.effectiveProvider());
    }

    /** Marks that the topology has been added to the stage's StreamsBuilder, and with which answer writer. */
    record TopologyMarker(String provider) {
    }
}
