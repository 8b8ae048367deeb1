package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.topics.Topics;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The embedded default end to end: real broker, PostgreSQL with the demo data and Redis, all five
 * stages; questions go in over HTTP and answers come back synchronously and as Server-Sent Events.
 */
class StandaloneIntegrationTest {

    static Standalone dbchat;
    static PipelineClient client;

    @BeforeAll
    static void start() {
        dbchat = Standalone.start(new StandaloneSettings(Map.of(), List.of("--server.port=0")));
        client = new PipelineClient(dbchat.port());
        client.awaitSchema();
    }

    @AfterAll
    static void stop() {
        if (dbchat != null) {
            dbchat.close();
        }
    }

    @Test
    void answersHowManyUsersWithTheCountFromTheDatabase() throws Exception {
        long expected = countUsers();

        var answer = client.ask("How many users are there?");

        assertThat(answer.path("reply").asString()).isEqualTo("There are " + String.format("%,d", expected) + " users.");
        assertThat(answer.path("rows").get(0).get(0).asLong()).isEqualTo(expected);
        assertThat(answer.path("sql").asString()).containsIgnoringCase("count(*)").contains("users");
        assertThat(answer.path("query_id").asString()).isNotBlank();
        assertThat(answer.path("conversation_id").asString()).isNotBlank();
    }

    @Test
    void streamsEveryStepThenTheFinalAnswerAsServerSentEvents() {
        String queryId = client.submit("List the teams");

        List<ReplyEvent> events = client.events(queryId);

        assertThat(events).extracting(ReplyEvent::type).contains(ReplyType.STATUS).last().isEqualTo(ReplyType.FINAL);
        assertThat(events).filteredOn(e -> e.type() == ReplyType.STATUS).extracting(ReplyEvent::stage)
                .containsSubsequence("translating", "validating", "executing", "interpreting");
        assertThat(events.getLast().answer().rows()).isNotEmpty();
        assertThat(events).extracting(ReplyEvent::seq).isSorted();
    }

    @Test
    void aQuestionItCannotTranslateGetsAFinalAnswerThatSaysSo() {
        var answer = client.ask("What is the airspeed velocity of an unladen swallow?");

        assertThat(answer.path("reply").asString()).contains("could not tell which table");
        assertThat(answer.path("rows").isEmpty()).isTrue();
    }

    @Test
    void aGarbledRecordGoesToTheDeadLetterTopicAndThePipelineCarriesOn() throws Exception {
        Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
        byte[] garbage = "{this is not a question".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<byte[], byte[]>(producerConfig())) {
            producer.send(new ProducerRecord<>(topics.questions().name(), "c-garbage".getBytes(), garbage)).get();
        }

        var answer = client.ask("How many projects are there?");

        assertThat(answer.path("reply").asString()).startsWith("There are");
        assertThat(readAll(topics.dlq().name())).anySatisfy(v -> assertThat(v).isEqualTo(garbage));
    }

    private static long countUsers() throws Exception {
        var p = dbchat.infrastructureProperties();
        String url = io.dbchat.contracts.runtime.PostgresUrl.parse(p.get("dbchat.datasource.url")).jdbcUrl();
        try (var c = DriverManager.getConnection(url, p.get("dbchat.datasource.username"), null);
             var rs = c.createStatement().executeQuery("SELECT count(*) FROM users")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Properties producerConfig() {
        var p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, dbchat.infrastructureProperties().get("dbchat.kafka.bootstrap-servers"));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    private static List<byte[]> readAll(String topic) {
        var p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, dbchat.infrastructureProperties().get("dbchat.kafka.bootstrap-servers"));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<byte[], byte[]>(p)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<byte[]> values = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
