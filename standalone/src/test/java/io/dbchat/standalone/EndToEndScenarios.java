package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.gateway.query.ReplyMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end scenarios every way of running dbchat must pass: questions in over HTTP, answers out
 * synchronously and as Server-Sent Events, with the rows the database really holds.
 */
abstract class EndToEndScenarios {

    /** Where questions are asked. */
    abstract PipelineClient asker();

    /** Where answers are followed: the same gateway, or another instance. */
    abstract PipelineClient listener();

    abstract String bootstrapServers();

    /** A connection to the demo database as its owner. */
    abstract Connection database() throws Exception;

    @Test
    void answersHowManyUsersWithTheCountFromTheDatabase() throws Exception {
        long expected = count("users");

        var answer = asker().ask("How many users are there?");

        assertThat(answer.path("reply").asString()).isEqualTo("There are " + String.format("%,d", expected) + " users.");
        assertThat(answer.path("rows").get(0).get(0).asLong()).isEqualTo(expected);
        assertThat(answer.path("sql").asString()).containsIgnoringCase("count(*)").contains("users");
        assertThat(answer.path("query_id").asString()).isNotBlank();
        assertThat(answer.path("conversation_id").asString()).isNotBlank();
    }

    @Test
    void streamsEveryStepThenTheFinalAnswerAsServerSentEvents() throws Exception {
        String queryId = asker().submit("List the teams");

        List<ReplyMessage> events = listener().events(queryId);

        // the templated answer is its FINAL alone: no TOKEN repeats its text, no STATUS rides in its transaction
        assertThat(events).extracting(ReplyMessage::type).contains(ReplyType.STATUS).doesNotContain(ReplyType.TOKEN)
                .last().isEqualTo(ReplyType.FINAL);
        assertThat(events).filteredOn(e -> e.type() == ReplyType.STATUS).extracting(ReplyMessage::stage)
                .containsSubsequence("translating", "validating", "executing");
        assertThat(events.getLast().answer().rows()).hasSize((int) count("teams"));
        assertThat(events).extracting(ReplyMessage::seq).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aQuestionItCannotTranslateGetsAFinalAnswerThatSaysSo() {
        var answer = asker().ask("What is the airspeed velocity of an unladen swallow?");

        assertThat(answer.path("reply").asString()).isNotBlank();
        assertThat(answer.path("rows").isEmpty()).isTrue();
        assertThat(answer.path("problem").path("code").asString()).isEqualTo("untranslatable");
    }

    @Test
    void aGarbledRecordGoesToTheDeadLetterTopicAndThePipelineCarriesOn() throws Exception {
        Topics topics = Topics.withPrefix(Topics.DEFAULT_PREFIX);
        byte[] garbage = "{this is not a question".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<byte[], byte[]>(producerConfig())) {
            producer.send(new ProducerRecord<>(topics.questions().name(), "c-garbage".getBytes(StandardCharsets.UTF_8),
                    garbage)).get();
        }

        var answer = asker().ask("How many projects are there?");

        assertThat(answer.path("reply").asString()).isEqualTo("There are " + String.format("%,d", count("projects")) + " projects.");
        assertThat(readAll(topics.dlq().name())).anySatisfy(v -> assertThat(v).isEqualTo(garbage));
    }

    private long count(String table) throws Exception {
        try (var c = database(); var rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Properties producerConfig() {
        var p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    private List<byte[]> readAll(String topic) {
        var p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<byte[], byte[]>(p)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<byte[]> values = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            return values;
        }
    }
}
