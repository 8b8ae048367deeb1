package io.dbchat.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.RedisClients;
import io.dbchat.executor.ExecutorApplication;
import io.dbchat.gateway.GatewayApplication;
import io.dbchat.interpreter.InterpreterApplication;
import io.dbchat.schemapublisher.SchemaPublisherApplication;
import io.dbchat.standalone.infra.EmbeddedDatabase;
import io.dbchat.standalone.infra.EmbeddedKafkaBroker;
import io.dbchat.standalone.infra.EmbeddedRedis;
import io.dbchat.translator.TranslatorApplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Conversations outlive every stage: a conversation started under a client-chosen id is listed, reopened with its
 * table and continued after all five services restart (the follow-up is translated with the turn recorded before);
 * another principal gets 404 throughout; deleting it leaves the translator no history and a follow-up a 404.
 */
class ConversationRestartIntegrationTest {

    static EmbeddedKafkaBroker kafka;
    static EmbeddedDatabase postgres;
    static EmbeddedRedis redis;
    static final List<ConfigurableApplicationContext> services = new ArrayList<>();

    @BeforeAll
    static void startInfrastructure() {
        kafka = new EmbeddedKafkaBroker(null, 0).start();
        postgres = new EmbeddedDatabase(null, 0).start();
        postgres.ensureDemoDatabase();
        redis = new EmbeddedRedis(null, 0).start();
    }

    @AfterAll
    static void stop() throws Exception {
        stopServices();
        for (AutoCloseable server : new AutoCloseable[] {redis, postgres, kafka}) {
            if (server != null) {
                server.close();
            }
        }
    }

    @Test
    void aConversationIsContinuedAfterEveryStageRestartsAndDeletedEverywhere() {
        String chosen = "chosen-" + UUID.randomUUID();
        Gateway gateway = startServices();
        var first = gateway.ask("alice", "How many tasks are there?", chosen).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(first.get("conversation_id")).isEqualTo(chosen);
        gateway.ask("bob", "How many tasks are there?", chosen).expectStatus().isNotFound();
        awaitTurns(gateway, chosen, 1);

        stopServices();
        gateway = startServices();

        gateway.as("alice", gateway.http.get().uri("/api/chat/conversations")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].conversation_id").isEqualTo(chosen)
                .jsonPath("$[0].title").isEqualTo("How many tasks are there?");
        gateway.as("alice", gateway.http.get().uri("/api/chat/conversations/{id}", chosen)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.turns[0].answer.columns[0].name").isEqualTo("count")
                .jsonPath("$.turns[0].answer.rows[0][0]").isNumber()
                .jsonPath("$.turns[0].sql").isEqualTo(first.get("sql"));
        gateway.as("bob", gateway.http.get().uri("/api/chat/conversations/{id}", chosen)).exchange()
                .expectStatus().isNotFound();

        var followUp = gateway.ask("alice", "only the Critical ones", chosen).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) followUp.get("sql")).contains("tasks").contains("'Critical'");
        awaitTurns(gateway, chosen, 2);

        gateway.as("bob", gateway.http.delete().uri("/api/chat/conversations/{id}", chosen)).exchange()
                .expectStatus().isNotFound();
        gateway.as("alice", gateway.http.delete().uri("/api/chat/conversations/{id}", chosen)).exchange()
                .expectStatus().isNoContent();

        var client = RedisClients.create(redis.url(), Duration.ofSeconds(2));
        try {
            assertThat(new ConversationRecords(client).history(chosen, 10).toCompletableFuture().join()).isEmpty();
        } finally {
            client.shutdown();
        }
        gateway.ask("alice", "only the Low ones", chosen).expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").isEqualTo("Conversation '" + chosen + "' was deleted.");
        gateway.as("alice", gateway.http.get().uri("/api/chat/conversations")).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.conversation_id == '" + chosen + "')]").doesNotExist();
    }

    private static void awaitTurns(Gateway gateway, String conversationId, int turns) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> gateway.as("alice",
                        gateway.http.get().uri("/api/chat/conversations/{id}", conversationId)).exchange()
                .expectBody(Map.class).returnResult().getResponseBody(),
                view -> view != null && view.get("turns") instanceof List<?> t && t.size() == turns);
    }

    private static Gateway startServices() {
        String[] args = {
                "--dbchat.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                "--dbchat.datasource.name=demo",
                "--dbchat.datasource.url=postgresql://127.0.0.1:" + postgres.port() + "/" + EmbeddedDatabase.DEMO,
                "--dbchat.datasource.username=" + postgres.username(),
                "--dbchat.executor.username=" + postgres.readerUsername(),
                "--dbchat.executor.password=" + postgres.readerPassword(),
                "--dbchat.redis.url=" + redis.url(),
                "--dbchat.gateway.auth.mode=api-key",
                "--dbchat.gateway.auth.api-keys=key-a=alice,key-b=bob",
                "--dbchat.gateway.rate-limit.per-minute=0",
                "--server.port=0"};
        for (SpringApplicationBuilder service : List.of(SchemaPublisherApplication.builder(),
                TranslatorApplication.builder(), ExecutorApplication.builder(), InterpreterApplication.builder())) {
            services.add(service.run(args));
        }
        var gateway = GatewayApplication.builder().run(args);
        services.add(gateway);
        var client = new Gateway(Integer.parseInt(gateway.getEnvironment().getProperty("local.server.port")));
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> client.as("alice",
                client.http.get().uri("/api/chat/schema-info/")).exchange().expectBody().returnResult().getStatus()
                .is2xxSuccessful());
        return client;
    }

    private static void stopServices() {
        services.reversed().forEach(ConfigurableApplicationContext::close);
        services.clear();
    }

    /** The gateway as alice (key-a) and bob (key-b) call it. */
    private record Gateway(WebTestClient http) {

        Gateway(int port) {
            this(WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).responseTimeout(Duration.ofSeconds(60))
                    .build());
        }

        <S extends WebTestClient.RequestHeadersSpec<?>> S as(String principal, S request) {
            request.header("X-API-Key", principal.equals("alice") ? "key-a" : "key-b");
            return request;
        }

        WebTestClient.ResponseSpec ask(String principal, String question, String conversationId) {
            return as(principal, http.post().uri("/api/chat/query/").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", question, "conversation_id", conversationId))).exchange();
        }
    }
}
