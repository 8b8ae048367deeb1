package io.dbchat.gateway.audit;

import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the audit: the compacted audit topic, the Streams application that writes it and reads it into every
 * instance's global store (one application id for all gateway instances), the index and the access rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
@ConditionalOnProperty(name = "dbchat.gateway.audit.enabled", matchIfMissing = true)
class AuditConfiguration {

    static final String APPLICATION = "gateway-audit";

    @Bean
    Topic<String, AuditRecord> auditTopic(PipelineProperties pipeline) {
        return AuditTopic.withPrefix(pipeline.topicPrefix());
    }

    @Bean
    KafkaAdmin.NewTopics auditTopics(Topic<String, AuditRecord> auditTopic, PipelineProperties p) {
        return new KafkaAdmin.NewTopics(new NewTopic(auditTopic.name(), p.partitions(), p.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }

    /**
     * Gateway instances come and go without a stable name (several may run on one host), so they are dynamic members
     * of the audit group: a static id shared by two instances would fence one of them.
     */
    @Bean
    StreamsBuilderFactoryBean auditStreams(PipelineProperties p, Topics topics, AuditIndex index) {
        PipelineProperties dynamic = new PipelineProperties(p.bootstrapServers(), p.topicPrefix(), p.partitions(),
                p.replicationFactor(), p.retention(), p.commitInterval(), p.streamThreads(), p.stateDir(),
                p.instanceId(), false, p.sessionTimeout());
        return StageStreams.factory(APPLICATION, dynamic, topics);
    }

    @Bean
    AuditIndex auditIndex() {
        return new AuditIndex();
    }

    @Bean
    AuditRecords auditRecords(StreamsBuilderFactoryBean auditStreams, AuditIndex index) {
        AuditRecords records = new AuditRecords(auditStreams::getKafkaStreams, index);
        auditStreams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && !index.isReady()) {
                Thread.ofVirtual().name("dbchat-audit-index").start(records::rebuildIndex);
            }
        });
        return records;
    }

    @Bean
    AuditAccess auditAccess(AuditProperties properties) {
        return new AuditAccess(properties);
    }

    @Bean
    TopologyMarker auditTopology(StreamsBuilder auditStreams, Topics topics, Topic<String, AuditRecord> auditTopic,
                                 AuditIndex index) {
        AuditTopology.build(auditStreams, topics, auditTopic, index);
        return new TopologyMarker();
    }

    /** Marks that the topology has been added to the audit's StreamsBuilder. */
    record TopologyMarker() {
    }
}
