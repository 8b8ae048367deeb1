package io.dbchat.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.runtime.KafkaClients;
import io.dbchat.contracts.runtime.PipelineProperties;
import io.dbchat.contracts.topics.Topic;
import io.dbchat.contracts.topics.Topics;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * The real gateway on a random port against an in-process KRaft broker, with {@link FakePipeline}
 * answering the questions it publishes through the replies topic.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.config.name=gateway",
                "dbchat.kafka.partitions=3",
                "dbchat.gateway.answer-timeout=5s",
                "dbchat.gateway.heartbeat=1s",
                "dbchat.gateway.auth.mode=open",
                "logging.level.org.apache.kafka=warn",
                "logging.level.kafka=warn",
                "logging.level.state.change.logger=warn"})
@EmbeddedKafka(bootstrapServersProperty = "dbchat.kafka.bootstrap-servers", brokerProperties = {
        "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
@AutoConfigureWebTestClient(timeout = "20s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayIntegrationTest {

    /** The conversations' Redis, for the test run (stopped with the JVM). */
    private static final TestRedis REDIS = TestRedis.start();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(REDIS::close));
    }

    @org.springframework.test.context.DynamicPropertySource
    static void redis(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("dbchat.redis.url", REDIS::url);
    }

    private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
    };

    @Autowired
    private WebTestClient client;
    @LocalServerPort
    private int port;
    @Autowired
    private Topics topics;
    @Autowired
    private PipelineProperties pipeline;
    @Autowired
    private ObservationRegistry observations;
    private FakePipeline fake;

    @BeforeAll
    void startFakePipeline() {
        fake = new FakePipeline(pipeline.bootstrapServers(), topics).start();
    }

    @AfterAll
    void stopFakePipeline() throws InterruptedException {
        fake.close();
    }

    @Test
    void answersSynchronouslyWithThePipelinesRows() {
        client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "Who ordered most?"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.reply").isEqualTo("Ada has 42 orders.")
                .jsonPath("$.conversation_id").isNotEmpty()
                .jsonPath("$.columns").isEqualTo(List.of("name", "orders"))
                .jsonPath("$.rows").isEqualTo(FakePipeline.ROWS)
                .jsonPath("$.row_count").isEqualTo(1)
                .jsonPath("$.translator").isEqualTo("fake (test)");
    }

    @Test
    void streamsStatusThenFinalWithSeqIdsAsTheyHappen() {
        String queryId = submit("Who ordered most? [slow]");

        List<ServerSentEvent<String>> events = replyEvents(queryId, null);

        assertThat(events).extracting(ServerSentEvent::event).containsExactly("status", "final");
        assertThat(events).extracting(ServerSentEvent::id)
                .containsExactly(Long.toString(ReplySeq.translating(1)), Long.toString(ReplySeq.interpreter(1)));
        assertThat(events.get(1).data()).contains("\"query_id\":\"" + queryId + "\"").contains("Ada");
    }

    @Test
    void givesALateSubscriberEveryReplyAndResumesAfterLastEventId() {
        String queryId = submit("Who ordered most?");
        client.get().uri("/api/chat/queries/{id}", queryId).exchange().expectStatus().isOk();
        assertThat(replyEvents(queryId, null)).hasSize(2);

        // the query is answered by now: a second, late subscriber still gets both replies
        assertThat(replyEvents(queryId, null)).extracting(ServerSentEvent::event).containsExactly("status", "final");
        assertThat(replyEvents(queryId, Long.toString(ReplySeq.translating(1))))
                .extracting(ServerSentEvent::event).containsExactly("final");
        client.get().uri("/api/chat/queries/{id}", queryId).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("answered");
    }

    @Test
    void answersAnUnknownQueryWith404() {
        client.get().uri("/api/chat/queries/{id}/events", "no-such-query").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("not_found");
    }

    @Test
    void answersWith504WhenThePipelineDoesNotAnswerInTime() {
        client.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "Nobody answers this [silent]"))
                .exchange()
                .expectStatus().isEqualTo(504)
                .expectBody()
                .jsonPath("$.code").isEqualTo("timeout")
                .jsonPath("$.message").value(m -> assertThat((String) m).contains("still being worked on")
                        .contains("/events"));
    }

    @Test
    void servesTheOpenApiDocumentAndItsUi() {
        client.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.info.title").isEqualTo("dbchat gateway")
                .jsonPath("$.paths['/api/chat/queries'].post").exists()
                .jsonPath("$.paths['/api/chat/queries/{queryId}/events'].get").exists()
                .jsonPath("$.paths['/api/chat/conversations/{conversationId}'].delete").exists()
                .jsonPath("$.paths['/api/chat/queries/{queryId}/feedback'].post").exists();
        client.get().uri("/swagger-ui.html").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void answersOverTheDbChatWebSocketInOpenMode() {
        URI uri = URI.create("ws://127.0.0.1:" + port + "/ws/db_chat/query/");

        List<Map<String, Object>> messages = WebSocketProbe.exchange(uri, List.of("{\"query\": \"Who ordered most?\"}"),
                received -> WebSocketProbe.count(received, "chat_response") == 1);

        assertThat(messages.getLast()).containsEntry("type", "chat_response").containsEntry("reply", "Ada has 42 orders.");
        assertThat(messages.getFirst()).containsEntry("type", "status").containsEntry("stage", "translating");
    }

    @Test
    void recordsNoObservationPerRequest() {
        // Given a handler that would see every observation started from now on
        List<String> observed = new java.util.concurrent.CopyOnWriteArrayList<>();
        observations.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public void onStart(Observation.Context context) {
                observed.add(context.getName());
            }

            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }
        });

        // When a question is submitted through the security filter chain
        submit("Who ordered most?");

        // Then neither the HTTP server nor Spring Security observed anything: nothing reads the observations
        assertThat(observed).isEmpty();
    }

    @Test
    void reportsHealthOnTheActuator() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void knowsAQuestionAskedThroughAnotherGatewayInstance() {
        // Given a question that another gateway instance wrote to the questions topic
        var question = QuestionAsked.of(UUID.randomUUID().toString(), "conv-elsewhere", "anonymous", "default",
                "Who ordered most?", Instant.now());
        publish(topics.questions(), question.conversationId(), question);

        // Then this instance serves its state and its replies too
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                client.get().uri("/api/chat/queries/{id}", question.queryId()).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.status").isEqualTo("answered"));
        assertThat(replyEvents(question.queryId(), null)).extracting(ServerSentEvent::event)
                .containsExactly("status", "final");
    }

    @Test
    void servesTheSchemaSnapshotPublishedToTheSchemaTopic() {
        publish(topics.schema(), "default", Fixtures.schema("default"));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                client.get().uri("/api/chat/schema-info/").exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.version").isEqualTo("v1")
                        .jsonPath("$.tables[1].relationships[0].join")
                        .isEqualTo("public.orders.customer_id = public.customers.id"));
    }

    /**
     * A browser reuses a keep-alive connection for its next request, sometimes before the server has finished with
     * the previous one. A slow request (a question, answered once Kafka acknowledged it) and a quick one sent
     * together, then a third on the same connection: all three must be answered. reactor-netty 1.3.6 left the
     * connection unread once its queue of early requests drained, so the page's first question after loading the
     * schema got no answer until the browser gave up on the connection.
     */
    @Test
    void answersEveryRequestOfAKeepAliveConnectionWhateverTheirTiming() throws Exception {
        String question = "{\"query\":\"Who ordered most?\"}";
        String slow = "POST /api/chat/queries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + question.length() + "\r\n\r\n" + question;
        String quick = "GET /favicon.svg HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String empty = "{}";
        String next = "POST /api/chat/queries HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + empty.length() + "\r\n\r\n" + empty;
        try (var socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            var out = socket.getOutputStream();
            var in = new java.io.BufferedInputStream(socket.getInputStream());
            for (int round = 0; round < 10; round++) {
                out.write((slow + quick).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                assertThat(HttpResponses.statusOf(in)).isEqualTo(202);
                assertThat(HttpResponses.statusOf(in)).isEqualTo(200);
                out.write(next.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.flush();
                assertThat(HttpResponses.statusOf(in)).as("round %d", round).isEqualTo(400);
            }
        }
    }

    private <V> void publish(Topic<String, V> topic, String key, V value) {
        var config = KafkaClients.producer(pipeline, "it-publisher");
        try (var producer = new KafkaProducer<>(config, topic.key().serializer(), topic.value().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), key, value));
            producer.flush();
        }
    }

    private String submit(String question) {
        Map<?, ?> accepted = client.post().uri("/api/chat/queries").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", question))
                .exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) accepted.get("query_id");
    }

    private List<ServerSentEvent<String>> replyEvents(String queryId, String lastEventId) {
        Flux<ServerSentEvent<String>> stream = client.get().uri("/api/chat/queries/{id}/events", queryId)
                .accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> {
                    if (lastEventId != null) {
                        h.set("Last-Event-ID", lastEventId);
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .returnResult(SSE).getResponseBody();
        return stream.filter(e -> e.event() != null).collectList().block(Duration.ofSeconds(15));
    }
}
