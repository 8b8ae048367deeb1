package io.dbchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.topics.Topics;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two gateway instances (A and B) on one KRaft broker and one Redis, in api-key mode, with
 * {@link FakePipeline} answering: what is asked through A is served by B, over SSE and WebSocket, and
 * only to its owner; a deletion through A holds on B; topics made earlier with other settings get the current ones;
 * knowledge saved through either is read on both.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIntegrationTest {

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    private EmbeddedKafkaKraftBroker broker;
    private TestRedis redis;
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;
    private FakePipeline fake;

    @BeforeAll
    void start() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("transaction.state.log.replication.factor", "1",
                "transaction.state.log.min.isr", "1"));
        broker.afterPropertiesSet();
        redis = TestRedis.start();
        createWithOldSettings();
        a = gateway();
        b = gateway();
        fake = new FakePipeline(broker.getBrokersAsString(), a.getBean(Topics.class)).start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        fake.close();
        b.close();
        a.close();
        redis.close();
        broker.destroy();
    }

    @Test
    void streamsOnBTheAnswerToAQuestionAskedThroughA() {
        Map<?, ?> accepted = ask(a, "key-a", Map.of("query", "Who ordered most?"));

        List<ServerSentEvent<String>> events = client(b, "key-a").get().uri((String) accepted.get("events_url"))
                .accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isOk().returnResult(SSE).getResponseBody()
                .filter(e -> e.event() != null).collectList().block(Duration.ofSeconds(20));

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("status", "final");
        assertThat(events.get(1).data()).contains("Ada has 42 orders.");
    }

    @Test
    void answersManyQuestionsOnOneWebSocketOfBAndSurvivesABadFrame() {
        URI uri = URI.create("ws://127.0.0.1:" + port(b) + "/ws/db_chat/query/?api_key=key-a");

        List<Map<String, Object>> messages = WebSocketProbe.exchange(uri,
                List.of("{\"query\": \"Who ordered most?\"}", "{not json", "{\"query\": \"And the least?\"}"),
                received -> WebSocketProbe.count(received, "chat_response") == 2
                        && WebSocketProbe.count(received, "error") == 1);

        List<Map<String, Object>> answers = messages.stream().filter(m -> "chat_response".equals(m.get("type"))).toList();
        assertThat(answers).extracting(m -> m.get("query_id")).doesNotHaveDuplicates();
        assertThat(answers.getFirst()).containsEntry("reply", "Ada has 42 orders.")
                .containsEntry("sql", "SELECT name, orders FROM customers")
                .containsEntry("columns", List.of("name", "orders"))
                .containsKeys("conversation_id", "rows", "chart");
        assertThat(messages).anySatisfy(m -> assertThat(m).containsEntry("type", "status").containsKey("query_id"));
        assertThat(messages).anySatisfy(m -> assertThat(m).containsEntry("type", "error")
                .containsEntry("code", "invalid_request").containsKey("message"));
    }

    @Test
    void keepsAlicesConversationFromBobOnTheWebSocketToo() {
        Map<?, ?> accepted = ask(a, "key-a", Map.of("query", "Who ordered most?"));
        awaitVisibleOn(b, "key-a", "/api/chat/conversations/" + accepted.get("conversation_id"));
        URI uri = URI.create("ws://127.0.0.1:" + port(b) + "/ws/db_chat/query?api_key=key-b");

        List<Map<String, Object>> messages = WebSocketProbe.exchange(uri,
                List.of("{\"query\": \"Hers?\", \"conversation_id\": \"" + accepted.get("conversation_id") + "\"}"),
                received -> !received.isEmpty());

        assertThat(messages).singleElement().satisfies(m -> assertThat(m).containsEntry("type", "error")
                .containsEntry("code", "not_found"));
        client(b, "key-b").get().uri("/api/chat/queries/{id}", accepted.get("query_id")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void readsAnAuditRecordOnEitherInstanceForItsOwnerAndTheAuditorOnly() {
        Map<?, ?> accepted = ask(a, "key-a", Map.of("query", "Who ordered most?"));
        String path = "/api/audit/queries/" + accepted.get("query_id");
        // each instance reads the audit topic, and indexes it for searches, on its own: wait until both have it
        for (var instance : List.of(b, a)) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client(instance, "key-a").get().uri(path).exchange()
                    .expectStatus().isOk().expectBody().jsonPath("$.outcome").isEqualTo("ANSWERED"));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client(instance, "key-c").get()
                    .uri("/api/audit/queries?principal=alice").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.records[?(@.queryId == '" + accepted.get("query_id") + "')]").exists());
        }

        client(a, "key-a").get().uri(path).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.principal").isEqualTo("alice").jsonPath("$.question").isEqualTo("Who ordered most?");
        client(b, "key-b").get().uri(path).exchange().expectStatus().isNotFound();
        client(b, "key-b").get().uri("/api/audit/queries?principal=alice").exchange().expectStatus().isNotFound();
        client(b, "key-b").get().uri("/api/audit/queries").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.records[?(@.principal == 'alice')]").doesNotExist();
        client(a, "key-c").get().uri(path).exchange().expectStatus().isOk();
        client(a, "key-c").get().uri("/api/audit/queries?principal=alice&outcome=answered").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.records[?(@.queryId == '" + accepted.get("query_id") + "')]").exists();
        client(a, "key-c").get().uri("/api/audit/queries?outcome=bogus").exchange().expectStatus().isBadRequest();
    }

    @Test
    void bringsTheRetentionOfTopicsThatExistedToTheSettings() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            var questions = new ConfigResource(ConfigResource.Type.TOPIC, "dbchat.questions");
            var replies = new ConfigResource(ConfigResource.Type.TOPIC, "dbchat.replies");
            var audit = new ConfigResource(ConfigResource.Type.TOPIC, "dbchat.audit");
            var configs = admin.describeConfigs(List.of(questions, replies, audit)).all().get(30, TimeUnit.SECONDS);

            assertThat(configs.get(questions).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(90).toMillis()));
            assertThat(configs.get(replies).get(TopicConfig.RETENTION_MS_CONFIG).value())
                    .isEqualTo(String.valueOf(Duration.ofDays(7).toMillis()));
            assertThat(configs.get(audit).get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    /** Topics made before the settings changed: one day of questions and replies, an audit topic not compacted. */
    private void createWithOldSettings() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            Map<String, String> oneDay = Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()));
            admin.createTopics(List.of(new NewTopic("dbchat.questions", 3, (short) 1).configs(oneDay),
                    new NewTopic("dbchat.replies", 3, (short) 1).configs(oneDay),
                    new NewTopic("dbchat.audit", 3, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_DELETE)))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the topics", e);
        }
    }

    @Test
    void servesOnBTheKnowledgeWrittenThroughAAndTheApprovalThroughBOnA() throws Exception {
        Topics topics = a.getBean(Topics.class);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()), topics.schema().key().serializer(), topics.schema().value().serializer())) {
            producer.send(new ProducerRecord<>(topics.schema().name(), "default", Fixtures.schema("default"))).get();
        }
        awaitVisibleOn(a, "key-a", "/api/chat/schema-info/");
        String entries = "/api/knowledge/default/entries";
        client(a, "key-a").post().uri(entries).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("id", "orders-count", "kind", "example", "question", "How many orders?",
                        "sql", "SELECT count(*) FROM orders"))
                .exchange().expectStatus().isCreated();

        awaitVisibleOn(b, "key-b", entries + "/orders-count");
        client(b, "key-a").post().uri(entries + "/orders-count/approve").exchange().expectStatus().isForbidden();
        client(b, "key-c").post().uri(entries + "/orders-count/approve").exchange().expectStatus().isOk();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client(a, "key-a").get()
                .uri(entries + "?status=approved").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.entries[0].approved_by").isEqualTo("carol"));
        client(a, "key-c").delete().uri(entries + "/orders-count").exchange().expectStatus().isNoContent();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client(b, "key-b").get()
                .uri(entries + "/orders-count").exchange().expectStatus().isNotFound());
    }

    @Test
    void refusesAWebSocketHandshakeWithoutAKey() {
        URI uri = URI.create("ws://127.0.0.1:" + port(b) + "/ws/db_chat/query/");

        assertThatThrownBy(() -> WebSocketProbe.exchange(uri, List.of("{\"query\": \"Who?\"}"), r -> true))
                .hasMessageContaining("401");
    }

    @Test
    void hidesOnBAConversationDeletedThroughA() {
        Map<?, ?> accepted = ask(a, "key-a", Map.of("query", "Who ordered most?"));
        String path = "/api/chat/conversations/" + accepted.get("conversation_id");
        awaitVisibleOn(b, "key-a", path);

        client(a, "key-a").delete().uri(path).exchange().expectStatus().isNoContent();

        client(b, "key-a").get().uri(path).exchange().expectStatus().isNotFound();
        client(b, "key-a").get().uri("/api/chat/conversations").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.conversation_id == '" + accepted.get("conversation_id") + "')]").doesNotExist();
    }

    private void awaitVisibleOn(ConfigurableApplicationContext instance, String key, String path) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                client(instance, key).get().uri(path).exchange().expectStatus().isOk());
    }

    private Map<?, ?> ask(ConfigurableApplicationContext instance, String key, Map<String, String> body) {
        return client(instance, key).post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static WebTestClient client(ConfigurableApplicationContext instance, String key) {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port(instance))
                .responseTimeout(Duration.ofSeconds(20))
                .defaultHeader("X-API-Key", key).build();
    }

    private static int port(ConfigurableApplicationContext instance) {
        return Integer.parseInt(instance.getEnvironment().getRequiredProperty("local.server.port"));
    }

    /** A gateway instance; command-line arguments, as the standalone launcher passes them, outrank gateway.yml. */
    private ConfigurableApplicationContext gateway() {
        return GatewayApplication.builder().run(
                "--server.port=0",
                "--dbchat.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--dbchat.kafka.partitions=3",
                "--dbchat.gateway.auth.mode=api-key",
                "--dbchat.gateway.auth.api-keys=key-a=alice,key-b=bob,key-c=carol",
                "--dbchat.gateway.audit.auditors=carol",
                "--dbchat.kafka.topic-retention.topics.questions=90d",
                "--dbchat.gateway.knowledge.admins=carol",
                "--dbchat.redis.url=" + redis.url(),
                "--dbchat.gateway.answer-timeout=5s",
                "--dbchat.gateway.heartbeat=1s",
                "--logging.level.org.apache.kafka=warn",
                "--logging.level.kafka=warn",
                "--logging.level.state.change.logger=warn");
    }
}
