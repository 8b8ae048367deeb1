package io.dbchat.gateway;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * A stand-in for translator, executor and interpreter in broker-backed tests: for every question it
 * writes a STATUS and then a FINAL reply with one row, each in its own transaction (an exactly-once
 * writer, as the real stages are). A question containing "[silent]" gets no answer; "[slow]" waits
 * between the two replies.
 */
public final class FakePipeline implements AutoCloseable {

    public static final List<List<Object>> ROWS = List.of(List.of("Ada", 42));

    private final Topics topics;
    private final KafkaConsumer<String, QuestionAsked> consumer;
    private final KafkaProducer<String, ReplyEvent> producer;
    private final Thread thread;
    private volatile boolean running = true;

    public FakePipeline(String bootstrapServers, Topics topics) {
        this.topics = topics;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                topics.questions().key().deserializer(), topics.questions().value().deserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "fake-pipeline-" + UUID.randomUUID()),
                topics.replies().key().serializer(), topics.replies().value().serializer());
        this.thread = Thread.ofPlatform().name("fake-pipeline").daemon().unstarted(this::run);
    }

    public FakePipeline start() {
        producer.initTransactions();
        List<TopicPartition> partitions = consumer.partitionsFor(topics.questions().name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.start();
        return this;
    }

    private void run() {
        while (running) {
            consumer.poll(Duration.ofMillis(50)).forEach(r -> answer(r.value()));
        }
    }

    private void answer(QuestionAsked q) {
        if (q.question().contains("[silent]")) {
            return;
        }
        write(ReplyEvent.status(q, ReplySeq.translating(1), "translating", Instant.now()));
        if (q.question().contains("[slow]")) {
            sleep(Duration.ofMillis(700));
        }
        var answer = new FinalAnswer("Ada has 42 orders.", "SELECT name, orders FROM customers",
                List.of(new ColumnMeta("name", "text"), new ColumnMeta("orders", "int8")), ROWS, 1, false,
                null, "fake (test)", null);
        write(ReplyEvent.fin(q, ReplySeq.interpreter(1), answer, Instant.now()));
    }

    private void write(ReplyEvent reply) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topics.replies().name(), reply.conversationId(), reply));
        producer.commitTransaction();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(Duration.ofSeconds(5));
        consumer.close();
        producer.close();
    }
}
