package io.dbchat.gateway.bench;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.topics.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.util.FileSystemUtils;

/**
 * Benchmark helper, not a test: an in-process KRaft broker on 127.0.0.1:{port} and a stand-in pipeline
 * that answers every question with a STATUS at once and a FINAL {@code answerAfter} later (or not at
 * all with {@code answerAfter=none}). Runs until killed. Usage: {@code BenchmarkRig [port] [answerAfter]}.
 */
public final class BenchmarkRig {

    private BenchmarkRig() {
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 19092;
        Duration answerAfter = args.length > 1 && args[1].equals("none") ? null
                : Duration.parse(args.length > 1 ? args[1] : "PT40S");
        // a fresh log directory: a gateway reads back 30 minutes of questions and replies, and those of
        // an earlier run would count against this run's heap
        Path logDir = Files.createTempDirectory("bench-kafka-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(logDir.toFile())));
        var broker = new EmbeddedKafkaKraftBroker(1, 3).kafkaPorts(port);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1", "log.dir", logDir.toString()));
        broker.afterPropertiesSet();
        System.out.println("BROKER " + broker.getBrokersAsString());
        if (answerAfter != null) {
            answer(broker.getBrokersAsString(), Topics.withPrefix(Topics.DEFAULT_PREFIX), answerAfter);
        }
        Thread.currentThread().join();
    }

    private static void answer(String bootstrap, Topics topics, Duration answerAfter) {
        // a group subscription with a short metadata age follows the partitions the gateway adds when it
        // creates the topics; a fixed assignment taken before would miss their questions
        var consumer = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "benchmark-pipeline", ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                topics.questions().key().deserializer(), topics.questions().value().deserializer());
        var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 5), topics.replies().key().serializer(), topics.replies().value().serializer());
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        consumer.subscribe(List.of(topics.questions().name()));
        System.out.println("PIPELINE answering after " + answerAfter);
        while (true) {
            consumer.poll(Duration.ofMillis(100)).forEach(r -> {
                QuestionAsked q = r.value();
                send(producer, topics, ReplyEvent.status(q, ReplySeq.translating(1), "translating", Instant.now()));
                later.schedule(() -> send(producer, topics, ReplyEvent.fin(q, ReplySeq.interpreter(1), answer(),
                        Instant.now())), answerAfter.toMillis(), TimeUnit.MILLISECONDS);
            });
        }
    }

    private static FinalAnswer answer() {
        return new FinalAnswer("Ada has 42 orders.", "SELECT name, orders FROM customers",
                List.of(new ColumnMeta("name", "text"), new ColumnMeta("orders", "int8")),
                List.of(List.of("Ada", 42)), 1, false, null, "benchmark", null);
    }

    private static void send(KafkaProducer<String, ReplyEvent> producer, Topics topics, ReplyEvent reply) {
        producer.send(new ProducerRecord<>(topics.replies().name(), reply.conversationId(), reply));
    }
}
