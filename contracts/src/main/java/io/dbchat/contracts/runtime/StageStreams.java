package io.dbchat.contracts.runtime;

import io.dbchat.contracts.topics.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The Kafka Streams settings every stage shares: exactly-once v2, a short commit interval, polls no longer than
 * it, and no producer linger (see ARCHITECTURE.md, latency budget), and poison records routed to the DLQ topic
 * by configuration, so a garbled payload or a failing record never stops a stage.
 */
public final class StageStreams {

    /**
     * The largest record a stage writes, on the pipeline's topics and on the stages' changelogs. Kafka's own default,
     * 1 MB, is less than one answer may hold: the executor keeps up to {@code max-bytes} (4 MB) of rows, and a FINAL
     * carries those rows with their display text, so a large answer would fail its producer and stop its stage. The
     * producers, the topics ({@code max.message.bytes}) and the changelogs all take this bound.
     */
    public static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;

    private StageStreams() {
    }

    /** The Streams configuration of one stage; its application id is the topic prefix plus the stage name. */
    public static Map<String, Object> config(String stage, PipelineProperties p, Topics topics) {
        Map<String, Object> c = new HashMap<>();
        c.put(StreamsConfig.APPLICATION_ID_CONFIG, p.topicPrefix() + stage);
        c.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrapServers());
        c.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        c.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, p.commitInterval().toMillis());
        // the stream thread commits and punctuates only between polls: an idle poll of the default 100 ms would hold
        // a finished transaction, or a finished async call, that long; bounded by the commit interval it holds neither
        c.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, p.commitInterval().toMillis()));
        c.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, p.streamThreads());
        c.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) p.replicationFactor());
        c.put(StreamsConfig.STATE_DIR_CONFIG, stateDir(p));
        c.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        c.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
        c.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        c.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        c.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.dlq().name());
        c.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
        c.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), MAX_RECORD_BYTES);
        c.put(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(MAX_RECORD_BYTES));
        c.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return c;
    }

    /**
     * A Spring-managed Streams instance for one stage, a member of its group as {@link GroupMembership} says
     * (static, short session); a thread that dies of an uncaught error is replaced. Closing it leaves the group,
     * so a stopped instance hands its tasks over at once; only a killed one is waited for.
     */
    public static StreamsBuilderFactoryBean factory(String stage, PipelineProperties p, Topics topics) {
        return factory(stage, config(stage, p, topics), p);
    }

    /**
     * As {@link #factory(String, PipelineProperties, Topics)}, with idle polls bounded by {@code pollBound} instead of
     * the commit interval: for a stage whose calls finish off the stream thread while it waits in an idle poll, where
     * the finished call waits for the poll's end before a punctuation forwards it (the executor's statements, a few
     * milliseconds each). A shorter bound costs an idle loop more often; a busy thread's polls return at once anyway.
     */
    public static StreamsBuilderFactoryBean factory(String stage, PipelineProperties p, Topics topics,
                                                    Duration pollBound) {
        Map<String, Object> config = config(stage, p, topics);
        config.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, Math.min(pollBound.toMillis(), p.commitInterval().toMillis())));
        return factory(stage, config, p);
    }

    /**
     * As {@link #factory(String, PipelineProperties, Topics)}, with some of the shared settings replaced by
     * {@code overrides} (Streams, producer- or consumer-prefixed keys): for an application off the question's path,
     * such as the gateway's audit, that may commit and send less often than the stages.
     */
    public static StreamsBuilderFactoryBean factory(String stage, PipelineProperties p, Topics topics,
                                                    Map<String, ?> overrides) {
        Map<String, Object> config = config(stage, p, topics);
        config.putAll(overrides);
        return factory(stage, config, p);
    }

    private static StreamsBuilderFactoryBean factory(String stage, Map<String, Object> config, PipelineProperties p) {
        GroupMembership.of(p, stage).forEach((key, value) -> config.put(StreamsConfig.mainConsumerPrefix(key), value));
        var factory = new StreamsBuilderFactoryBean(new KafkaStreamsConfiguration(config));
        factory.setStreamsUncaughtExceptionHandler(
                e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD);
        factory.setLeaveGroupOnClose(true);
        // a global store whose topic was created a moment ago fails the start ("no partitions available") until the
        // broker's metadata has it: wait for every global store's topic before the instance starts
        factory.setKafkaStreamsCustomizer(streams -> awaitGlobalTopics(factory, p));
        return factory;
    }

    private static void awaitGlobalTopics(StreamsBuilderFactoryBean factory, PipelineProperties p) {
        var topology = factory.getTopology();
        if (topology == null) {
            return;
        }
        Set<String> topics = new TreeSet<>();
        topology.describe().globalStores().forEach(store -> topics.addAll(store.source().topicSet()));
        if (topics.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (var admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, p.bootstrapServers()))) {
            while (true) {
                try {
                    var described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                    if (described.values().stream().noneMatch(d -> d.partitions().isEmpty())) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    if (System.nanoTime() > deadline) {
                        return; // Kafka Streams' own start then says which topic is missing
                    }
                }
                if (System.nanoTime() > deadline) {
                    return;
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stateDir(PipelineProperties p) {
        if (p.stateDir() != null && !p.stateDir().isBlank()) {
            return p.stateDir();
        }
        try {
            Path dir = Files.createTempDirectory("dbchat-streams-");
            dir.toFile().deleteOnExit();
            return dir.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
