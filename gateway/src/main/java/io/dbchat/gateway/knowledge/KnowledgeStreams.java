package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.topics.Topic;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.context.SmartLifecycle;

/**
 * The gateway's knowledge Streams application, started and stopped with the context. Not a
 * {@code StreamsBuilderFactoryBean}: the audit's is the gateway's one, and two would make every injection of the
 * factory type ambiguous.
 */
final class KnowledgeStreams implements SmartLifecycle {

    private final Map<String, Object> config;
    private final Topic<String, KnowledgeEntry> topic;
    private volatile KafkaStreams streams;

    KnowledgeStreams(Map<String, Object> config, Topic<String, KnowledgeEntry> topic) {
        this.config = config;
        this.topic = topic;
    }

    /** The running instance; null before the start. */
    KafkaStreams kafkaStreams() {
        return streams;
    }

    @Override
    public void start() {
        Properties properties = new Properties();
        properties.putAll(config);
        streams = new KafkaStreams(KnowledgeTopology.build(new StreamsBuilder(), topic).build(), properties);
        streams.start();
    }

    @Override
    public void stop() {
        KafkaStreams running = streams;
        if (running != null) {
            running.close(Duration.ofSeconds(10));
        }
    }

    @Override
    public boolean isRunning() {
        KafkaStreams running = streams;
        return running != null && running.state().isRunningOrRebalancing();
    }
}
