package io.dbchat.translator.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.runtime.StageStreams;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * On a real broker: approved knowledge and the cache are read from their compacted topics while the stage runs, and
 * a stage started again (its in-memory stores empty) rebuilds both from the topics, tombstones and all.
 */
class KnowledgeRestoreIntegrationTest {

    @Test
    void knowledgeAndTheCacheAreRebuiltFromTheirTopicsOnStart() throws Exception {
        var kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();
        try {
            String prefix = "k" + UUID.randomUUID().toString().substring(0, 6) + ".";
            Topics topics = Topics.withPrefix(prefix);
            Topic<String, CachedQuery> cacheTopic = KnowledgeTopology.cacheTopic(prefix);
            var settings = new PipelineProperties(kafka.getBrokersAsString(), prefix, 1, (short) 1, Duration.ofDays(1),
                    Duration.ofMillis(10), 1, null);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()))) {
                var compacted = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
                admin.createTopics(List.of(new NewTopic(topics.knowledge().name(), 1, (short) 1).configs(compacted),
                        new NewTopic(cacheTopic.name(), 1, (short) 1).configs(compacted),
                        new NewTopic(topics.results().name(), 1, (short) 1),
                        new NewTopic(topics.feedback().name(), 1, (short) 1))).all().get();
            }
            var example = KnowledgeEntry.example("billing", "e-1", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH,
                    "How many clients are there?", "SELECT count(*) FROM clients", null);
            var withdrawn = KnowledgeEntry.example("billing", "e-2", KnowledgeEntry.APPROVED, "ann", Instant.EPOCH,
                    "How many invoices are there?", "SELECT count(*) FROM invoices", null);
            try (var producer = producer(settings, topics.knowledge())) {
                producer.send(new ProducerRecord<>(topics.knowledge().name(), example.key(), example));
                producer.send(new ProducerRecord<>(topics.knowledge().name(), withdrawn.key(), withdrawn));
                producer.send(new ProducerRecord<>(topics.knowledge().name(), withdrawn.key(), null)).get();
            }

            var view = new KnowledgeView(Invoices.EMBEDDER, 10);
            var cache = new QueryCache(Invoices.EMBEDDER, 10);
            try (var streams = start(settings, topics, cacheTopic, view, cache)) {
                await(() -> view.size() == 1);
                var q = QuestionAsked.of("q-1", "c-1", "ann", "billing", "Total amount of paid invoices in 2024", Instant.EPOCH);
                var proposed = SqlProposed.of(q, "SELECT sum(amount) FROM invoices WHERE status = 'Paid' AND "
                        + "EXTRACT(YEAR FROM issued_on) = 2024", 1, new TranslatorInfo("openai", "m", "translate-v2"),
                        new Usage(900, 30, new BigDecimal("0.0004")), 800, "v-1");
                try (var producer = producer(settings, topics.results())) {
                    producer.send(new ProducerRecord<>(topics.results().name(), "c-1", QueryAnswered.of(proposed,
                            List.of(new ColumnMeta("sum", "numeric")), List.of(List.of(12)), false, 2))).get();
                }
                await(() -> cache.size() == 1);
            }

            var restarted = new KnowledgeView(Invoices.EMBEDDER, 10);
            var restartedCache = new QueryCache(Invoices.EMBEDDER, 10);
            try (var streams = start(settings, topics, cacheTopic, restarted, restartedCache)) {
                await(() -> restarted.size() == 1 && restartedCache.size() == 1);
                assertThat(restarted.knows("billing")).isTrue();
                assertThat(restarted.example(Probe.of("how many clients are there", Invoices.EMBEDDER), Invoices.SCHEMA,
                        0.9)).hasValueSatisfying(hit -> assertThat(hit.known().key()).isEqualTo("billing/e-1"));
                assertThat(restarted.example(Probe.of("How many invoices are there?", Invoices.EMBEDDER), Invoices.SCHEMA,
                        0.9)).isEmpty();
            }
        } finally {
            kafka.destroy();
        }
    }

    private static KafkaStreams start(PipelineProperties settings, Topics topics, Topic<String, CachedQuery> cacheTopic,
                                      KnowledgeView view, QueryCache cache) throws Exception {
        var builder = new StreamsBuilder();
        KnowledgeTopology.install(builder, topics, view);
        KnowledgeTopology.installCache(builder, topics, cacheTopic, cache);
        var props = new Properties();
        props.putAll(StageStreams.config("translator", settings, topics));
        props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("knowledge-it-").toString());
        var streams = new KafkaStreams(builder.build(), props);
        streams.start();
        return streams;
    }

    private static <V> KafkaProducer<String, V> producer(PipelineProperties settings, Topic<String, V> topic) {
        return new KafkaProducer<>(KafkaClients.producer(settings, "test-" + UUID.randomUUID()), topic.key().serializer(),
                topic.value().serializer());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 120 s").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
