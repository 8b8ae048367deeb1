package io.dbchat.contracts.runtime;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Settings of the plain producers and consumers that stages outside Kafka Streams use. */
public final class KafkaClients {

    private KafkaClients() {
    }

    /**
     * Idempotent, fully acknowledged, and sent at once (no linger; only the gateway's question producer lingers
     * 2 ms, its {@code submit-linger}, so concurrent questions share produce requests).
     */
    public static Map<String, Object> producer(PipelineProperties p, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrapServers());
        c.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        c.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, StageStreams.MAX_RECORD_BYTES);
        return c;
    }

    /** A consumer that sees only committed records of exactly-once writers, and commits nothing itself. */
    public static Map<String, Object> reader(PipelineProperties p, String clientId) {
        Map<String, Object> c = new HashMap<>();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrapServers());
        c.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return c;
    }
}
