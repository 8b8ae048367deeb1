package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.kafka.TopicWriter;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Wires the knowledge: a Streams application of the gateway (application id {@code <prefix>gateway-knowledge}) that
 * holds only the global store of the compacted knowledge topic, and the writer of that topic. The topic itself is
 * created with the pipeline's topics, compacted.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KnowledgeProperties.class)
class KnowledgeConfiguration {

    static final String APPLICATION = "gateway-knowledge";

    /** A global store only: no group, no tasks, so instances need no stable names (dynamic membership, as the audit). */
    @Bean
    StreamsBuilderFactoryBean knowledgeStreams(PipelineProperties p, Topics topics) {
        PipelineProperties dynamic = new PipelineProperties(p.bootstrapServers(), p.topicPrefix(), p.partitions(),
                p.replicationFactor(), p.retention(), p.commitInterval(), p.streamThreads(), p.stateDir(),
                p.instanceId(), false, p.sessionTimeout());
        return StageStreams.factory(APPLICATION, dynamic, topics);
    }

    @Bean
    TopologyMarker knowledgeTopology(StreamsBuilder knowledgeStreams, Topics topics) {
        KnowledgeTopology.build(knowledgeStreams, topics.knowledge());
        return new TopologyMarker();
    }

    @Bean
    TopicWriter<KnowledgeEntry> knowledgeWriter(PipelineProperties pipeline, Topics topics) {
        return new TopicWriter<>(pipeline, topics.knowledge(), "dbchat-gateway-knowledge");
    }

    @Bean
    KnowledgeBase knowledgeBase(StreamsBuilderFactoryBean knowledgeStreams, TopicWriter<KnowledgeEntry> knowledgeWriter,
                                KnowledgeProperties properties) {
        return new StreamsKnowledge(knowledgeStreams::getKafkaStreams, knowledgeWriter, properties.visibilityTimeout());
    }

    /** Marks that the topology has been added to the knowledge's StreamsBuilder. */
    record TopologyMarker() {
    }
}
