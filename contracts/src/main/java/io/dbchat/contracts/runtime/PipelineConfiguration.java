package io.dbchat.contracts.runtime;

import io.dbchat.contracts.policy.PolicyConfiguration;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.StageTracing;
import io.dbchat.contracts.tracing.TraceHop;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What every stage needs of Kafka: the topic registry, and the topics themselves, created at start-up
 * with the configured partitions and retention (the schema topic compacted instead), and their retention brought to
 * the settings when they exist already; the access policies. Stages import it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({PipelineProperties.class, TopicRetention.class})
@Import(PolicyConfiguration.class)
public class PipelineConfiguration {

    @Bean
    Topics topics(PipelineProperties properties) {
        return Topics.withPrefix(properties.topicPrefix());
    }

    /** Kafka Streams client metrics (consumer lag among them) of the stage, in its meter registry when it has one. */
    @Bean
    static BeanPostProcessor streamsMeters(ObjectProvider<MeterRegistry> registry) {
        return StageMeters.streamsBinder(registry);
    }

    /** The stage's tracing, in its Streams configuration for the {@link TraceHop}s, when it has a tracer. */
    @Bean
    static BeanPostProcessor streamsTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof StreamsBuilderFactoryBean factory) {
                    StageTracing.of(tracer, propagator).ifPresent(t -> {
                        Properties config = factory.getStreamsConfiguration();
                        config.put(StageTracing.CONFIG, t);
                        factory.setStreamsConfiguration(config);
                    });
                }
                return bean;
            }
        };
    }

    @Bean
    KafkaAdmin kafkaAdmin(PipelineProperties properties) {
        return admin(properties);
    }

    /**
     * The stage's admin client: it creates the topics that are missing and, on every start, brings the configs the
     * stage declares (retention, compaction) of the topics that exist to what the settings say now (Spring Kafka's
     * {@code modifyTopicConfigs}: incrementalAlterConfigs of the entries that differ), so a changed retention holds
     * without recreating a topic. It waits up to two minutes for the broker at start, then fails the start.
     */
    public static KafkaAdmin admin(PipelineProperties properties) {
        var admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.bootstrapServers()));
        admin.setFatalIfBrokerNotAvailable(true);
        // a broker that is starting, or a machine starting several stages at once, may take longer than Spring Kafka's
        // 30 s to answer the first metadata call; a stage gives up on the broker after two minutes, not half of one
        admin.setOperationTimeout(120);
        admin.setModifyTopicConfigs(true);
        return admin;
    }

    @Bean
    KafkaAdmin.NewTopics dbchatTopics(Topics topics, PipelineProperties properties, TopicRetention retention) {
        return new KafkaAdmin.NewTopics(topics.all().stream()
                .map(t -> newTopic(t, topics, properties, retention))
                .toArray(NewTopic[]::new));
    }

    private static NewTopic newTopic(Topic<?, ?> topic, Topics topics, PipelineProperties p, TopicRetention retention) {
        // the compacted schema topic keeps every snapshot for a while, so an audit names a version that can be read back
        Map<String, String> configs = new java.util.HashMap<>(topics.isCompacted(topic)
                ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                        TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(retention.schemaHistory().toMillis()))
                : Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.of(
                        topic.name().substring(p.topicPrefix().length()), p.retention()).toMillis())));
        // a large answer is one record: the broker's 1 MB default would refuse it (StageStreams.MAX_RECORD_BYTES)
        configs.put(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, String.valueOf(StageStreams.MAX_RECORD_BYTES));
        return new NewTopic(topic.name(), p.partitions(), p.replicationFactor()).configs(configs);
    }
}
