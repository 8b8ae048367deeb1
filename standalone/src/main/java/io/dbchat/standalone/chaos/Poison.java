package io.dbchat.standalone.chaos;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.topics.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A record no stage can read, written to each stage's input topic (questions and sql.failures: translator, sql:
 * executor, results: interpreter). Each must land on the DLQ topic with Kafka Streams' error headers, while the stage goes
 * on answering the questions after it.
 */
final class Poison {

    static final List<String> INPUTS = List.of("questions", "sql.failures", "sql", "results");
    private static final String KEY = "chaos-poison";
    private static final String ERROR_HEADERS = "__streams.errors.";

    private Poison() {
    }

    static void inject(String bootstrapServers) {
        Map<String, Object> config = KafkaClients.producer(AnswerLog.settings(bootstrapServers), "chaos-poison");
        try (var producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (String input : INPUTS) {
                producer.send(new ProducerRecord<>(Topics.DEFAULT_PREFIX + input, KEY.getBytes(UTF_8),
                        "{not json".getBytes(UTF_8))).get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write the poison records", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Input topic to whether its poison record is on the DLQ with the error headers naming that topic. */
    static Map<String, Boolean> onDeadLetterQueue(String bootstrapServers) {
        Map<String, Boolean> found = new HashMap<>();
        INPUTS.forEach(input -> found.put(input, false));
        String dlq = Topics.withPrefix(Topics.DEFAULT_PREFIX).dlq().name();
        AnswerLog.readAll(bootstrapServers, dlq, new ByteArrayDeserializer(), new ByteArrayDeserializer(), r -> {
            Header topic = r.headers().lastHeader(ERROR_HEADERS + "topic");
            boolean described = r.headers().lastHeader(ERROR_HEADERS + "exception") != null;
            if (topic != null && described) {
                String input = new String(topic.value(), UTF_8).substring(Topics.DEFAULT_PREFIX.length());
                found.computeIfPresent(input, (k, v) -> true);
            }
        });
        return found;
    }
}
