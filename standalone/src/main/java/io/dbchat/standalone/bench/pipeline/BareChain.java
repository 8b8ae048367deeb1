package io.dbchat.standalone.bench.pipeline;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The floor dbchat is measured against: as many topics and Kafka Streams stages as a question's path (questions,
 * sql, results, replies; translator, executor, interpreter), each stage a Streams application of its own with the
 * stages' settings ({@link StageStreams#config}: exactly-once v2, commit interval, no linger), forwarding records of
 * the sizes dbchat writes on each topic and doing nothing else. The asker writes with the gateway's linger and reads
 * the last topic read_committed, as the gateway reads replies.
 */
final class BareChain implements Target, AutoCloseable {

    private final PipelineProperties pipeline;
    private final List<String> topics;
    private final int[] sizes;
    private final List<KafkaStreams> stages = new ArrayList<>();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final KafkaProducer<String, byte[]> asker;
    private final Thread reader;
    private volatile boolean open = true;

    /** {@code sizes[i]} is the value size written to the i-th topic, whose names start with {@code prefix}. */
    BareChain(PipelineProperties pipeline, String prefix, int[] sizes, Duration linger) {
        this.pipeline = pipeline;
        this.sizes = sizes.clone();
        this.topics = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            topics.add(prefix + "t" + i);
        }
        createTopics();
        Map<String, Object> producer = KafkaClients.producer(pipeline, "bench-bare-asker");
        producer.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger.toMillis());
        asker = new KafkaProducer<>(producer, new StringSerializer(), new ByteArraySerializer());
        for (int i = 0; i + 1 < topics.size(); i++) {
            stages.add(stage(prefix, i));
        }
        var consumer = new KafkaConsumer<>(KafkaClients.reader(pipeline, "bench-bare-answers"), new StringDeserializer(),
                new ByteArrayDeserializer());
        reader = Thread.ofPlatform().name("bench-bare-answers").start(() -> read(consumer));
    }

    List<String> topics() {
        return List.copyOf(topics);
    }

    /** Starts the stages and waits until a record has gone through all of them. */
    void start(Duration patience) throws Exception {
        stages.forEach(KafkaStreams::start);
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                ask(0).get(5, TimeUnit.SECONDS);
                return;
            } catch (java.util.concurrent.TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the bare chain forwarded nothing within " + patience);
                }
            }
        }
    }

    @Override
    public CompletableFuture<String> ask(int n) {
        String id = UUID.randomUUID().toString();
        var answered = new CompletableFuture<String>();
        pending.put(id, answered);
        asker.send(new ProducerRecord<>(topics.getFirst(), id, payload(id, sizes[0])), (metadata, error) -> {
            if (error != null) {
                pending.remove(id);
                answered.completeExceptionally(error);
            }
        });
        return answered;
    }

    private KafkaStreams stage(String prefix, int i) {
        Map<String, Object> config = StageStreams.config("bench-bare-" + i, pipeline, Topics.withPrefix(prefix));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, prefix + "stage" + i);
        var builder = new StreamsBuilder();
        int size = sizes[i + 1];
        builder.stream(topics.get(i), Consumed.with(Serdes.String(), Serdes.ByteArray()))
                .mapValues((id, value) -> payload(id, size))
                .to(topics.get(i + 1), Produced.with(Serdes.String(), Serdes.ByteArray()));
        return new KafkaStreams(builder.build(), new StreamsConfig(config));
    }

    /** A value of {@code size} bytes that starts with the question's id, as dbchat's values start with theirs. */
    static byte[] payload(String id, int size) {
        byte[] value = new byte[Math.max(size, id.length())];
        Arrays.fill(value, (byte) 'x');
        byte[] head = id.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, value, 0, head.length);
        return value;
    }

    private void read(KafkaConsumer<String, byte[]> consumer) {
        try (consumer) {
            String last = topics.getLast();
            var partitions = consumer.partitionsFor(last).stream()
                    .map(p -> new TopicPartition(last, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            while (open) {
                for (var record : consumer.poll(Duration.ofMillis(100))) {
                    var answered = pending.remove(record.key());
                    if (answered != null) {
                        answered.complete(record.key());
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.InterruptException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, pipeline.partitions(),
                    pipeline.replicationFactor())).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the bare chain's topics: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        reader.join(10_000);
        asker.close(Duration.ofSeconds(5));
        stages.forEach(s -> s.close(Duration.ofSeconds(10)));
        stages.forEach(KafkaStreams::cleanUp);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, pipeline.bootstrapServers()))) {
            admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the broker is embedded and goes away with the run: a topic left behind costs nothing
        }
    }
}
