package io.dbchat.translator;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.llm.LlmStub;
import io.dbchat.conversations.ConversationClaims;
import io.dbchat.conversations.ConversationRecorder;
import io.dbchat.conversations.ConversationsProperties;
import io.dbchat.conversations.RedisClients;
import io.dbchat.conversations.TestRedis;
import io.dbchat.conversations.TurnRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The stage as deployed, with a real broker, a real Redis and an OpenAI-compatible stub: a question becomes SQL
 * from the model; once the interpreter has recorded its answer in the conversation, the follow-up's prompt holds
 * the earlier question and SQL, and after the conversation is deleted a question on it has no history.
 */
class TranslatorApplicationIntegrationTest {

    @Test
    void aFollowUpIsTranslatedWithTheRecordedTurnAndADeletedConversationHasNone() throws Exception {
        var kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.brokerProperties(Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
        kafka.afterPropertiesSet();
        String prefix = "app" + UUID.randomUUID().toString().substring(0, 6) + ".";
        var topics = Topics.withPrefix(prefix);
        var settings = new PipelineProperties(kafka.getBrokersAsString(), prefix, 1, (short) 1, Duration.ofDays(1),
                Duration.ofMillis(10), 1, null);
        try (var redis = new TestRedis(); var stub = new LlmStub(); var records = new Records(redis.url());
             var app = TranslatorApplication.builder().run("--server.port=0", "--dbchat.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                     "--dbchat.kafka.topic-prefix=" + prefix, "--dbchat.kafka.partitions=1",
                     "--dbchat.llm.provider=openai", "--dbchat.llm.endpoints.openai.base-url=" + stub.openAiBaseUrl(),
                     "--dbchat.redis.url=" + redis.url())) {
            stub.enqueue(LlmStub.Reply.text("SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100"),
                    LlmStub.Reply.text("SELECT t.name, count(*) FROM projects p JOIN teams t ON p.team_id = t.id GROUP BY t.name"),
                    LlmStub.Reply.text("SELECT count(*) FROM teams"));
            send(settings, topics.schema(), "demo", Fixtures.PROJECTS);
            var first = QuestionAsked.of("q-1", "c-1", "anonymous", "demo", "Which projects are On Hold?", Instant.now());
            records.claims.claim("c-1", "anonymous").toCompletableFuture().get();
            send(settings, topics.questions(), "c-1", first);

            SqlProposed proposed = read(settings, topics.sql(), 1).getFirst();
            var answer = new FinalAnswer("3 projects are on hold.", proposed.sql(), List.of(), List.of(), 3, false, null,
                    proposed.translator().label(), null);
            assertThat(records.recorder.record(TurnRecord.of(first, answer, Instant.now(), 1000)).toCompletableFuture()
                    .get()).isTrue();
            send(settings, topics.questions(), "c-1",
                    QuestionAsked.of("q-2", "c-1", "anonymous", "demo", "and per team?", Instant.now()));
            List<SqlProposed> both = read(settings, topics.sql(), 2);

            assertThat(proposed.translator().provider()).isEqualTo("openai");
            assertThat(proposed.translator().promptVersion()).isEqualTo("translate-v2");
            assertThat(proposed.usage().inputTokens()).isEqualTo(100);
            assertThat(both.get(1).queryId()).isEqualTo("q-2");
            assertThat(stub.requests().get(1).prompt())
                    .contains("Question: Which projects are On Hold?")
                    .contains("SQL: SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100")
                    .contains("Answer: 3 projects are on hold.")
                    .contains("Question: and per team?");

            assertThat(records.claims.delete("c-1", "anonymous").toCompletableFuture().get()).isTrue();
            send(settings, topics.questions(), "c-1",
                    QuestionAsked.of("q-3", "c-1", "anonymous", "demo", "How many teams?", Instant.now()));
            assertThat(read(settings, topics.sql(), 3)).hasSize(3);
            assertThat(stub.requests().get(2).prompt()).contains("How many teams?")
                    .doesNotContain("Which projects are On Hold?");
        } finally {
            kafka.destroy();
        }
    }

    /** The gateway's and the interpreter's sides of the conversation record, as they would write it. */
    private static final class Records implements AutoCloseable {
        final org.redisson.api.RedissonClient client;
        final ConversationClaims claims;
        final ConversationRecorder recorder;

        Records(String url) {
            client = RedisClients.create(url, Duration.ofSeconds(2));
            claims = new ConversationClaims(client, ConversationsProperties.defaults(), Clock.systemUTC());
            recorder = new ConversationRecorder(client, ConversationsProperties.defaults());
        }

        @Override
        public void close() {
            client.shutdown();
        }
    }

    private static <V> void send(PipelineProperties settings, Topic<String, V> topic, String key, V value) throws Exception {
        try (var producer = new KafkaProducer<>(KafkaClients.producer(settings, "it-" + UUID.randomUUID()),
                topic.key().serializer(), topic.value().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value)).get();
        }
    }

    private static <V> List<V> read(PipelineProperties settings, Topic<String, V> topic, int count) {
        List<V> out = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(KafkaClients.reader(settings, "it-" + UUID.randomUUID()),
                topic.key().deserializer(), topic.value().deserializer())) {
            var partition = new TopicPartition(topic.name(), 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (out.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> out.add(r.value()));
            }
        }
        return out;
    }
}
