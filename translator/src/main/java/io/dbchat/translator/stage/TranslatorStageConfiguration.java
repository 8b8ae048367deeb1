package io.dbchat.translator.stage;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.policy.PolicyStore;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageMeters;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.dbchat.translator.Translator;
import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.RedisClients;
import io.dbchat.conversations.RedisProperties;
import io.dbchat.translator.context.ConversationHistory;
import io.dbchat.translator.context.WithHistory;
import io.dbchat.translator.llm.InteractionLog;
import io.dbchat.translator.llm.LlmTranslator;
import io.dbchat.translator.llm.Resilience;
import io.dbchat.translator.offline.OfflineTranslator;
import io.dbchat.translator.prompt.PromptBuilder;
import io.dbchat.translator.prompt.PromptTemplate;
import io.dbchat.translator.prompt.SchemaSelector;
import io.dbchat.translator.policy.WithPolicies;
import io.dbchat.translator.knowledge.Embedder;
import io.dbchat.translator.knowledge.KnowledgeMeters;
import io.dbchat.translator.knowledge.KnowledgeTopology;
import io.dbchat.translator.knowledge.KnowledgeView;
import io.dbchat.translator.knowledge.QueryCache;
import io.dbchat.translator.knowledge.WithKnowledge;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.kafka.core.KafkaAdmin;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.streams.StreamsBuilder;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Wires the translator's topology into a Spring-managed Kafka Streams instance. No provider configured means the
 * offline translator; otherwise the LLM translator. Both read the conversation's history from its record in Redis,
 * which the interpreter writes, and both answer from the team's approved knowledge first ({@link WithKnowledge});
 * the LLM translator also from its semantic cache.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({LlmProperties.class, TranslatorProperties.class, RedisProperties.class})
class TranslatorStageConfiguration {

    static final String STAGE = "translator";
    private static final Logger LOG = LoggerFactory.getLogger(TranslatorStageConfiguration.class);

    @Bean
    StreamsBuilderFactoryBean translatorStreams(PipelineProperties properties, Topics topics) {
        return StageStreams.factory(STAGE, properties, topics);
    }

    @Bean(destroyMethod = "shutdown")
    RedissonClient translatorRedis(RedisProperties redis) {
        return RedisClients.create(redis.url(), redis.timeout());
    }

    @Bean
    ConversationHistory conversationHistory(RedissonClient redis, TranslatorProperties p, MeterRegistry meters) {
        return new ConversationHistory(new ConversationRecords(redis), p.contextMaxTurns(), meters);
    }

    /** Retries and the circuit breaker in front of the model; its state is the "model" health. */
    @Bean
    Resilience modelCalls(LlmProperties llm, TranslatorProperties p) {
        return new Resilience(new Resilience.Settings(llm.maxRetries(), p.retryBackoff(), p.retryMaxBackoff(),
                p.breakerThreshold(), p.breakerOpenFor()), Clock.systemUTC());
    }

    /** DOWN, with the reason, while calls to the model are paused after repeated outages; UP again by itself. */
    @Bean
    HealthIndicator model(LlmProperties llm, Resilience modelCalls) {
        return () -> {
            if (llm.isOffline()) {
                return Health.up().withDetail("model", "none: the offline translator").build();
            }
            String paused = modelCalls.pausedBecause();
            return paused == null
                    ? Health.up().withDetail("model", llm.effectiveProvider() + " " + llm.effectiveModel()).build()
                    : Health.down().withDetail("reason", paused).build();
        };
    }

    @Bean
    Translator translator(LlmProperties llm, TranslatorProperties p, ConversationHistory history, MeterRegistry meters,
                          Resilience resilience) {
        if (llm.isOffline()) {
            LOG.info("No language model configured (DBCHAT_LLM_PROVIDER): using the offline translator");
            // the offline translator reads follow-ups from the history too; a local Redis read is well under a millisecond
            return new WithHistory(new OfflineTranslator(), history);
        }
        LOG.info("Translating with {} ({})", llm.effectiveProvider(), llm.effectiveModel());
        var prompts = new PromptBuilder(PromptTemplate.load(p.promptVersion(), p.promptDir()),
                new SchemaSelector(p.schemaTokenBudget(), AllMiniLmL6V2EmbeddingModel::new), p.dialect(), p.rowLimit(),
                p.knowledge().promptChars());
        var model = new LlmTranslator(ChatModels.chat(llm), llm.effectiveProvider(), llm.effectiveModel(), prompts,
                resilience, new InteractionLog(meters), p.priceTable(), Clock.systemUTC());
        return new WithHistory(model, history);
    }

    @Bean
    TopologyMarker translatorTopology(StreamsBuilder builder, Topics topics, Translator translator,
                                      TranslatorProperties p, MeterRegistry meters, PolicyStore policies,
                                      PipelineProperties pipeline) {
        var options = new TranslatorTopology.Options(p.maxCorrections(),
                new AsyncSettings(p.maxInFlight(), p.callTimeout(), Duration.ofMillis(5)));
        var k = p.knowledge();
        var embedder = new Embedder(AllMiniLmL6V2EmbeddingModel::new);
        var knowledge = new KnowledgeView(embedder, k.maxExamples());
        KnowledgeTopology.install(builder, topics, knowledge);
        QueryCache cache = null;
        if (k.cache() && translator.isRemote()) {
            cache = new QueryCache(embedder, k.maxCached());
            KnowledgeTopology.installCache(builder, topics, KnowledgeTopology.cacheTopic(pipeline.topicPrefix()), cache);
        }
        Translator informed = new WithKnowledge(new WithPolicies(translator, policies), knowledge, cache, embedder,
                policies, new KnowledgeMeters(meters), new WithKnowledge.Settings(k.match(), k.related(), k.examples(),
                k.promptChars()));
        StageMeters.inFlight(meters, STAGE, TranslatorTopology.build(builder, topics, informed, options,
                Clock.systemUTC()));
        return new TopologyMarker();
    }

    /** The semantic cache's compacted topic, keyed by query id (created with the stage's other topics). */
    @Bean
    KafkaAdmin.NewTopics translatorCacheTopic(PipelineProperties p) {
        return new KafkaAdmin.NewTopics(new NewTopic(KnowledgeTopology.cacheTopic(p.topicPrefix()).name(), p.partitions(),
                p.replicationFactor()).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /** Marks that the topology has been added to the stage's StreamsBuilder. */
    record TopologyMarker() {
    }
}
