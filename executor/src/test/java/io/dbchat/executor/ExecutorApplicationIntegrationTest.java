package io.dbchat.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.contracts.events.Usage;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The stage as the standalone launcher starts it (ExecutorApplication.builder()), on a real KRaft broker and
 * PostgreSQL, logging in as the reader role: a proposal becomes statuses and rows, a refused one a reason.
 */
class ExecutorApplicationIntegrationTest {

    static EmbeddedKafkaKraftBroker kafka;
    static ConsultancyDatabase database;

    @BeforeAll
    static void start() {
        // exactly-once needs the transaction log, which a single broker can only hold with one replica
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperties(Map.of(
                "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();
        database = ConsultancyDatabase.start();
    }

    @AfterAll
    static void stop() throws Exception {
        database.close();
        kafka.destroy();
    }

    @Test
    void answersAProposalAndRefusesAnAttackEndToEnd() {
        String prefix = "it" + UUID.randomUUID().toString().substring(0, 8) + ".";
        Topics topics = Topics.withPrefix(prefix);
        try (ConfigurableApplicationContext app = ExecutorApplication.builder().properties(
                "dbchat.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                "dbchat.kafka.topic-prefix=" + prefix,
                "dbchat.kafka.partitions=1",
                "dbchat.datasources.consultancy.url=" + database.datasource().url(),
                "dbchat.datasources.consultancy.username=postgres",
                "dbchat.executor.username=" + ConsultancyDatabase.READER,
                "dbchat.executor.password=" + ConsultancyDatabase.READER_PASSWORD).run("--server.port=0")) {
            send(topics.schema(), ConsultancySchema.DATASOURCE, ConsultancySchema.snapshot());
            send(topics.sql(), "conv-1", proposal("q-1", "SELECT name FROM teams ORDER BY id"));
            send(topics.sql(), "conv-2", proposal("q-2", "SELECT relname FROM pg_class"));

            List<QueryResult> results = read(topics.results(), 2);
            List<ReplyEvent> replies = read(topics.replies(), 3);

            // two conversations: their results may come in either order (a refusal needs no run)
            Map<String, QueryResult> byQuery = new java.util.HashMap<>();
            results.forEach(r -> byQuery.put(r.queryId(), r));
            assertThat(byQuery.get("q-1")).isInstanceOfSatisfying(QueryAnswered.class, a -> {
                assertThat(a.rows()).containsExactly(List.of("Data"), List.of("Platform"), List.of("Design"));
                assertThat(a.truncated()).isFalse();
            });
            assertThat(byQuery.get("q-2")).isInstanceOfSatisfying(QueryRejected.class,
                    r -> assertThat(r.problem().code()).isEqualTo("sql.system_catalog"));
            assertThat(replies).extracting(ReplyEvent::queryId, ReplyEvent::stage).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("q-1", "validating"),
                    org.assertj.core.groups.Tuple.tuple("q-1", "executing"),
                    org.assertj.core.groups.Tuple.tuple("q-2", "validating"));
        }
    }

    private static SqlProposed proposal(String queryId, String sql) {
        var question = QuestionAsked.of(queryId, "conv", "ann", ConsultancySchema.DATASOURCE, "?", Instant.now());
        return SqlProposed.of(question, sql, 1, TranslatorInfo.offline("1"), Usage.NONE, 0, "v-test");
    }

    private static PipelineProperties pipeline() {
        return new PipelineProperties(kafka.getBrokersAsString(), "x", 1, (short) 1, Duration.ofDays(1),
                Duration.ofMillis(10), 1, null);
    }

    private static <V> void send(Topic<String, V> topic, String key, V value) {
        try (var producer = new KafkaProducer<>(KafkaClients.producer(pipeline(), "it-producer"),
                topic.key().serializer(), topic.value().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value));
        }
    }

    private static <V> List<V> read(Topic<String, V> topic, int count) {
        Map<String, Object> config = KafkaClients.reader(pipeline(), "it-reader");
        config.put("group.id", "it-" + UUID.randomUUID());
        List<V> seen = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, topic.key().deserializer(), topic.value().deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> seen.add(r.value()));
                return seen.size() >= count;
            });
        }
        return seen;
    }
}
