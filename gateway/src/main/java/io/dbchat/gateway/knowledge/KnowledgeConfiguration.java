package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.kafka.TopicWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the knowledge: a Streams application of the gateway (application id {@code <prefix>gateway-knowledge}) that
 * holds only the global store of the compacted knowledge topic, and the writer of that topic. The topic itself is
 * created with the pipeline's topics, compacted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfiguration {

    static final String APPLICATION = "gateway-knowledge";

    /** A global store only: no group and no tasks, so instances need no stable names. */
    @Bean
    KnowledgeStreams knowledgeStreams(PipelineProperties p, Topics topics) {
        return new KnowledgeStreams(StageStreams.config(APPLICATION, p, topics), topics.knowledge());
    }

    @Bean
    TopicWriter<KnowledgeEntry> knowledgeWriter(PipelineProperties pipeline, Topics topics) {
        return new TopicWriter<>(pipeline, topics.knowledge(), "dbchat-gateway-knowledge");
    }

    @Bean
    KnowledgeBase knowledgeBase(KnowledgeStreams knowledgeStreams, TopicWriter<KnowledgeEntry> knowledgeWriter,
                                KnowledgeProperties properties) {
        return new StreamsKnowledge(knowledgeStreams::kafkaStreams, knowledgeWriter, properties.visibilityTimeout());
    }
}
