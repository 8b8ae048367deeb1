package io.dbchat.gateway.audit;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the audit: the compacted audit topic, the Streams application that writes it and reads it into every
 * instance's global store (one application id for all gateway instances), the index and the access rules; the replay
 * topics and the launcher that hands replays to the replay workers.
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
    KafkaAdmin.NewTopics auditTopics(Topic<String, AuditRecord> auditTopic, ReplayTopics replayTopics, PipelineProperties p) {
        List<NewTopic> all = new ArrayList<>(replayTopics.newTopics(p.partitions(), p.replicationFactor()));
        all.add(new NewTopic(auditTopic.name(), p.partitions(), p.replicationFactor())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        // a record holds every model call of its query, prompts included (StageStreams.MAX_RECORD_BYTES)
                        TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(StageStreams.MAX_RECORD_BYTES))));
        return new KafkaAdmin.NewTopics(all.toArray(NewTopic[]::new));
    }

    @Bean
    ReplayTopics replayTopics(PipelineProperties pipeline) {
        return ReplayTopics.withPrefix(pipeline.topicPrefix());
    }

    /** Replays asked of this gateway run in a replay worker (the standalone process's, or 'dbchat replay-worker'). */
    @Bean(destroyMethod = "close")
    TopicReplays replayLauncher(ReplayTopics topics, PipelineProperties p, AuditProperties audit) {
        String client = "dbchat-gateway-replays-" + UUID.randomUUID();
        return new TopicReplays(topics, KafkaClients.producer(p, client), KafkaClients.reader(p, client),
                audit.replayAcceptTimeout(), audit.replaySilenceTimeout(), Clock.systemUTC());
    }

    /**
     * Gateway instances come and go without a stable name (several may run on one host), so they are dynamic members
     * of the audit group: a static id shared by two instances would fence one of them. The state directory outlives
     * the process ({@link AuditProperties#stateDir()}), so a restart reads the checkpointed global store and the audit
     * topic only from its checkpoint on. The audit is off the question's path and commits every
     * {@link AuditProperties#commitInterval()}, not at the stages' pace, and its producer sends what it has at the
     * commit ({@code linger.ms} the same interval): a commit of the stages' interval made the audit run a transaction
     * for nearly every pipeline record it folded, the most transactions of any application per question.
     */
    @Bean
    StreamsBuilderFactoryBean auditStreams(PipelineProperties p, Topics topics, AuditProperties audit) {
        String stateDir = stateDir(p, audit);
        PipelineProperties dynamic = new PipelineProperties(p.bootstrapServers(), p.topicPrefix(), p.partitions(),
                p.replicationFactor(), p.retention(), audit.commitInterval(), p.streamThreads(), stateDir,
                p.instanceId(), false, p.sessionTimeout());
        int linger = (int) Math.min(Integer.MAX_VALUE, audit.commitInterval().toMillis());
        return StageStreams.factory(APPLICATION, dynamic, topics,
                Map.of(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), linger));
    }

    @Bean
    AuditIndex auditIndex() {
        return new AuditIndex();
    }

    /**
     * The records, their index read back from its snapshot when the last stop left one (else rebuilt from the store
     * once the Streams instance runs), and the snapshot written again when this gateway stops.
     */
    @Bean
    AuditRecords auditRecords(StreamsBuilderFactoryBean auditStreams, AuditIndex index, IndexKeeper keeper,
                              Topic<String, AuditRecord> auditTopic) {
        AuditRecords records = new AuditRecords(auditStreams::getKafkaStreams, index, auditTopic);
        if (keeper.restore()) {
            index.ready();
        }
        auditStreams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING && !index.isReady()) {
                Thread.ofVirtual().name("dbchat-audit-index").start(records::rebuildIndex);
            }
        });
        return records;
    }

    @Bean
    IndexKeeper auditIndexKeeper(AuditIndex index, PipelineProperties p, AuditProperties audit) {
        String dir = stateDir(p, audit);
        return new IndexKeeper(index, dir == null || dir.isBlank() ? null
                : new AuditIndexSnapshot(Path.of(dir, p.topicPrefix() + APPLICATION + "-index.json")));
    }

    /**
     * Keeps the index across a stop when the state directory outlives the process. Its destruction comes after the
     * context's lifecycle stop, so the Streams instance has closed and the index holds all it read.
     */
    record IndexKeeper(AuditIndex index, AuditIndexSnapshot snapshot) implements DisposableBean {

        boolean restore() {
            return snapshot != null && snapshot.restore(index);
        }

        @Override
        public void destroy() {
            if (snapshot != null && index.isReady()) {
                snapshot.save(index);
            }
        }
    }

    /** The audit's own state directory, else the stages' one; null for a temporary one. */
    private static String stateDir(PipelineProperties p, AuditProperties audit) {
        return audit.stateDir() != null && !audit.stateDir().isBlank() ? audit.stateDir() : p.stateDir();
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
