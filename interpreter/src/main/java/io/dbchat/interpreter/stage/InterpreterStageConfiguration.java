package io.dbchat.interpreter.stage;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageMeters;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.conversations.ConversationRecorder;
import io.dbchat.conversations.ConversationsProperties;
import io.dbchat.conversations.RedisClients;
import io.dbchat.conversations.RedisProperties;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.conversation.ConversationTurns;
import io.dbchat.interpreter.conversation.TurnWrites;
import io.dbchat.interpreter.narrate.InterpretPrompt;
import io.dbchat.interpreter.narrate.LlmAnswerWriter;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Wires the interpreter's topology, with an LLM when one is configured, into a Spring-managed Kafka Streams instance;
 * each FINAL it writes is recorded in its conversation's record in Redis.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LlmProperties.class, InterpreterProperties.class, ConversationsProperties.class,
        RedisProperties.class})
class InterpreterStageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InterpreterStageConfiguration.class);
    /** How often turns that could not be written to Redis are tried again. */
    private static final Duration RETRY_TURNS_EVERY = Duration.ofSeconds(1);

    @Bean
    StreamsBuilderFactoryBean interpreterStreams(PipelineProperties properties, Topics topics) {
        return StageStreams.factory("interpreter", properties, topics);
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient interpreterRedis(RedisProperties redis) {
        return RedisClients.create(redis.url(), redis.timeout());
    }

    /** The turns written to the conversation records; its health is DOWN while they cannot be. */
    @Bean
    TurnWrites conversations(RedissonClient redis, ConversationsProperties conversations, MeterRegistry meters) {
        return new TurnWrites(new ConversationRecorder(redis, conversations), meters);
    }

    @Bean
    TopologyMarker interpreterTopology(StreamsBuilder builder, Topics topics, LlmProperties llm,
                                       InterpreterProperties settings, ConversationsProperties conversations,
                                       TurnWrites writes, MeterRegistry meters) {
        var turns = new ConversationTurns(writes, conversations.maxRowBytes(), RETRY_TURNS_EVERY);
        return addTopology(builder, topics, llm, settings, Clock.systemUTC(), meters, turns);
    }

    /** Answers from templates when no LLM is configured, else streamed by the configured one. */
    static TopologyMarker addTopology(StreamsBuilder builder, Topics topics, LlmProperties llm,
                                      InterpreterProperties settings, Clock clock, MeterRegistry meters,
                                      ConversationTurns turns) {
        if (llm.isOffline()) {
            log.info("No LLM configured: answers are written from templates");
            InterpreterTopology.build(builder, topics, clock, turns);
            StageMeters.inFlight(meters, "interpreter", () -> 0);
            return new TopologyMarker(LlmProperties.OFFLINE);
        }
        log.info("Answers are written by {} ({}), prompt {}, privacy {} (by datasource: {})", llm.effectiveProvider(),
                llm.effectiveModel(), InterpretPrompt.VERSION, settings.privacy(), settings.privacyDatasources());
        var writer = new LlmAnswerWriter(ChatModels.streaming(llm), new InterpretPrompt(settings));
        StageMeters.inFlight(meters, "interpreter", InterpreterTopology.build(builder, topics, clock, writer, settings,
                meters, turns));
        return new TopologyMarker(llm.effectiveProvider());
    }

    /** Marks that the topology has been added to the stage's StreamsBuilder, and with which answer writer. */
    record TopologyMarker(String provider) {
    }
}
