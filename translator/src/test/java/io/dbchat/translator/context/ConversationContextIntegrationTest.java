package io.dbchat.translator.context;

import static io.dbchat.translator.Fixtures.PROJECTS;
import static io.dbchat.translator.Fixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.llm.ChatModels;
import io.dbchat.llm.LlmProperties;
import io.dbchat.llm.LlmStub;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.llm.InteractionLog;
import io.dbchat.translator.llm.LlmTranslator;
import io.dbchat.translator.llm.Prices;
import io.dbchat.translator.llm.Resilience;
import io.dbchat.translator.prompt.PromptBuilder;
import io.dbchat.translator.prompt.PromptTemplate;
import io.dbchat.translator.prompt.SchemaSelector;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Conversation history in a real Redis: recorded idempotently, bounded, expiring, and sent with follow-ups. */
class ConversationContextIntegrationTest {

    static TestRedis redis;
    static RedissonClient client;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void startRedis() {
        redis = new TestRedis();
        client = RedisClients.create(redis.url());
    }

    @AfterAll
    static void stopRedis() {
        client.shutdown();
        redis.close();
    }

    @Test
    void aFollowUpIsTranslatedWithTheEarlierQuestionsAndTheirSql() throws Exception {
        var store = new ConversationStore(client, Duration.ofHours(1), 10, meters);
        try (var stub = new LlmStub()) {
            stub.enqueue(LlmStub.Reply.text("SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100"),
                    LlmStub.Reply.text("SELECT t.name, count(*) FROM projects p JOIN teams t ON p.team_id = t.id "
                            + "WHERE p.status = 'On Hold' GROUP BY t.name"));
            var translator = new WithHistory(llm(stub), store);
            var first = ask("q-1", "conv-follow", "Which projects are On Hold?");
            translator.translate(TranslationRequest.first(first, PROJECTS, List.of()));
            store.record("conv-follow", new Turn("q-1", first.question(),
                    "SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100", "3 projects are on hold."), Instant.EPOCH)
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);

            translator.translate(TranslationRequest.first(ask("q-2", "conv-follow", "and per team?"), PROJECTS, List.of()));

            String followUp = stub.requests().get(1).prompt();
            assertThat(followUp).contains("Question: Which projects are On Hold?")
                    .contains("SQL: SELECT name FROM projects WHERE status = 'On Hold' LIMIT 100")
                    .contains("Question: and per team?");
            assertThat(stub.requests().getFirst().prompt()).contains("Conversation so far (oldest first):\n(none)");
        }
    }

    @Test
    void recordingATurnTwiceKeepsOneAndOnlyTheNewestTurnsAreKept() throws Exception {
        var store = new ConversationStore(client, Duration.ofHours(1), 3, meters);
        for (int i = 1; i <= 5; i++) {
            record(store, "conv-bounded", new Turn("q-" + i, "question " + i, "SELECT " + i, "answer " + i), i);
        }
        record(store, "conv-bounded", new Turn("q-5", "question 5", "SELECT 5", "answer 5"), 5);

        assertThat(store.turns("conv-bounded")).extracting(Turn::queryId).containsExactly("q-3", "q-4", "q-5");
        assertThat(client.getMap(ConversationStore.key("conv-bounded")).size()).isEqualTo(3);
    }

    @Test
    void aConversationsHistoryExpiresAfterItsTtl() throws Exception {
        var store = new ConversationStore(client, Duration.ofSeconds(60), 10, meters);

        record(store, "conv-ttl", new Turn("q-1", "question", "SELECT 1", "one"), 1);

        long ttl = client.getMap(ConversationStore.key("conv-ttl")).remainTimeToLive();
        assertThat(ttl).isBetween(50_000L, 60_000L);
    }

    @Test
    void withoutRedisTranslationGoesOnWithoutHistory() throws Exception {
        RedissonClient nowhere = RedisClients.create("redis://127.0.0.1:1");
        try (var stub = new LlmStub()) {
            var store = new ConversationStore(nowhere, Duration.ofHours(1), 10, meters);
            stub.enqueue(LlmStub.Reply.text("SELECT 1"));

            var t = new WithHistory(llm(stub), store).translate(TranslationRequest.first(ask("q-1", "c-x", "How many teams?"),
                    PROJECTS, List.of()));
            store.record("c-x", new Turn("q-1", "How many teams?", "SELECT 1", "1"), Instant.EPOCH)
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(t).isInstanceOf(io.dbchat.translator.Translation.Sql.class);
            assertThat(meters.get("dbchat.translator.context.failures").tag("operation", "read").counter().count()).isEqualTo(1);
            assertThat(meters.get("dbchat.translator.context.failures").tag("operation", "write").counter().count()).isEqualTo(1);
        } finally {
            nowhere.shutdown();
        }
    }

    private static void record(ConversationStore store, String conversation, Turn turn, long at) throws Exception {
        store.record(conversation, turn, Instant.ofEpochSecond(at)).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private LlmTranslator llm(LlmStub stub) {
        var p = new LlmProperties("openai", null, 0, Duration.ofSeconds(10), 512, 0, Map.of("openai", new LlmProperties.Endpoint(null, stub.openAiBaseUrl(), null)));
        var prompts = new PromptBuilder(PromptTemplate.load("translate-v1", null), new SchemaSelector(6000, () -> null),
                "PostgreSQL", 100);
        return new LlmTranslator(ChatModels.chat(p), "openai", p.effectiveModel(), prompts,
                new Resilience(new Resilience.Settings(0, Duration.ZERO, Duration.ZERO, 5, Duration.ofSeconds(1)), Clock.systemUTC()),
                new InteractionLog(meters), Prices.defaults(), Clock.systemUTC());
    }
}
