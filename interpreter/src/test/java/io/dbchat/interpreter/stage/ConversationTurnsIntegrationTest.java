package io.dbchat.interpreter.stage;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.conversations.ConversationClaims;
import io.dbchat.conversations.ConversationRecorder;
import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.ConversationView;
import io.dbchat.conversations.ConversationsProperties;
import io.dbchat.conversations.RedisClients;
import io.dbchat.conversations.StoredTurn;
import io.dbchat.conversations.TestRedis;
import io.dbchat.conversations.ViewedTurn;
import io.dbchat.interpreter.conversation.ConversationTurns;
import io.dbchat.interpreter.conversation.TurnWrites;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyTestDriver;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** Every FINAL the interpreter writes becomes a turn of its conversation's record in a real Redis. */
class ConversationTurnsIntegrationTest {

    static TestRedis redis;
    static RedissonClient client;
    static ConversationClaims claims;
    static ConversationRecords records;

    @BeforeAll
    static void startRedis() {
        redis = new TestRedis();
        client = RedisClients.create(redis.url(), Duration.ofSeconds(2));
        claims = new ConversationClaims(client, ConversationsProperties.defaults(), Clock.systemUTC());
        records = new ConversationRecords(client);
    }

    @AfterAll
    static void stopRedis() {
        client.shutdown();
        redis.close();
    }

    @Test
    void anAnswerIsRecordedWithItsQuestionRowsAndChart() throws Exception {
        claim("c-answer");
        try (var driver = offlineStage()) {
            StageFixtures.results(driver).pipeInput("c-answer", StageFixtures.count("q-1", "c-answer", 42));

            ViewedTurn turn = awaitView("c-answer", v -> v.turns().size() == 1).turns().getFirst();
            assertThat(turn.question()).isEqualTo("How many users are there?");
            assertThat(turn.sql()).isEqualTo("SELECT count(*) AS count FROM users");
            assertThat(turn.status()).isEqualTo(StoredTurn.ANSWERED);
            assertThat(turn.reply()).isEqualTo(turn.answer().reply()).isNotBlank();
            assertThat(turn.answer().rows()).containsExactly(List.of(42));
            assertThat(turn.rowsKept()).isTrue();
        }
    }

    @Test
    void aRefusalIsRecordedAndAReplayedQueryIsNot() throws Exception {
        claim("c-refused");
        var question = QuestionAsked.of("q-r", "c-refused", "p", "demo", "Show the salaries", Instant.EPOCH);
        var refused = QueryRejected.of(question, "SELECT * FROM salaries", TranslatorInfo.offline("v1"),
                Problem.of(ErrorCode.SQL_REJECTED, "I can't use the table 'salaries'."));
        QueryAnswered original = StageFixtures.count("q-replay", "c-refused", 7);
        var replayed = new QuestionAsked(1, "q-replay", "c-refused", "p", "demo", "How many users are there?",
                Instant.EPOCH, "q-0");
        var replay = new QueryAnswered(1, "q-replay", new io.dbchat.contracts.events.SqlProposed(1, "q-replay", replayed,
                original.proposal().sql(), 1, original.proposal().translator(), original.proposal().usage(), 1, "v"),
                original.columns(), original.rows(), 1, false, 1);
        try (var driver = offlineStage()) {
            StageFixtures.results(driver).pipeInput("c-refused", replay);
            StageFixtures.results(driver).pipeInput("c-refused", refused);

            ConversationView view = awaitView("c-refused", v -> !v.turns().isEmpty());
            assertThat(view.turns()).extracting(ViewedTurn::queryId).containsExactly("q-r");
            assertThat(view.turns().getFirst().status()).isEqualTo(StoredTurn.REJECTED);
            assertThat(view.turns().getFirst().answer().problem().code()).isEqualTo("sql_rejected");
        }
        assertThat(ConversationTurns.belongsInConversation(replayed)).isFalse();
        assertThat(ConversationTurns.belongsInConversation(question)).isTrue();
    }

    @Test
    void aCancelledQuestionIsRecordedAsCancelledAndLeftOutOfTheHistoryFollowUpsAreReadWith() throws Exception {
        claim("c-cancel");
        var question = QuestionAsked.of("q-x", "c-cancel", "p", "demo", "How many tasks per user per day?", Instant.EPOCH);
        try (var driver = offlineStage()) {
            StageFixtures.results(driver).pipeInput("c-cancel", StageFixtures.count("q-1", "c-cancel", 5));
            driver.createInputTopic(StageFixtures.TOPICS.cancellations().name(),
                            StageFixtures.TOPICS.cancellations().key().serializer(),
                            StageFixtures.TOPICS.cancellations().value().serializer())
                    .pipeInput("c-cancel", QueryCancelled.of(question, "p", Instant.EPOCH.plusSeconds(1)));

            ConversationView view = awaitView("c-cancel", v -> v.turns().size() == 2);
            ViewedTurn cancelled = view.turns().stream().filter(t -> t.queryId().equals("q-x")).findFirst().orElseThrow();
            assertThat(cancelled.question()).isEqualTo("How many tasks per user per day?");
            assertThat(cancelled.status()).isEqualTo(StoredTurn.CANCELLED);
            assertThat(cancelled.reply()).contains("cancelled");
            assertThat(cancelled.answer().problem().code()).isEqualTo(ErrorCode.CANCELLED.code());
        }
        assertThat(records.history("c-cancel", 10).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .extracting(StoredTurn::queryId).containsExactly("q-1");
    }

    @Test
    void aTurnOfAConversationNobodyClaimedIsNotRecorded() throws Exception {
        claim("c-claimed");
        try (var driver = offlineStage()) {
            StageFixtures.results(driver).pipeInput("c-unclaimed", StageFixtures.count("q-u", "c-unclaimed", 1));
            StageFixtures.results(driver).pipeInput("c-claimed", StageFixtures.count("q-c", "c-claimed", 1));
            awaitView("c-claimed", v -> v.turns().size() == 1);
        }
        assertThat(records.view("c-unclaimed").toCompletableFuture().get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void aTurnWaitsWhileRedisIsDownAndIsWrittenWhenItIsBack() throws Exception {
        int port = TestRedis.freePort();
        RedissonClient late = RedisClients.create("redis://127.0.0.1:" + port, Duration.ofMillis(300));
        var writes = new TurnWrites(new ConversationRecorder(late, ConversationsProperties.defaults()),
                new SimpleMeterRegistry());
        try (var driver = offlineStage(writes)) {
            StageFixtures.results(driver).pipeInput("c-outage", StageFixtures.count("q-o", "c-outage", 3));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> writes.health().getStatus().getCode().equals("DOWN"));

            try (var back = new TestRedis(port)) {
                var claimsThere = new ConversationClaims(late, ConversationsProperties.defaults(), Clock.systemUTC());
                assertThat(claimsThere.claim("c-outage", "p").toCompletableFuture().get(5, TimeUnit.SECONDS))
                        .isEqualTo(ConversationClaims.Claim.NEW);
                var there = new ConversationRecords(late);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                    driver.advanceWallClockTime(Duration.ofMillis(100));
                    return there.view("c-outage").toCompletableFuture().get(5, TimeUnit.SECONDS);
                }, view -> view.isPresent() && view.get().turns().size() == 1);
                assertThat(writes.health().getStatus().getCode()).isEqualTo("UP");
            }
        } finally {
            late.shutdown();
        }
    }

    private static TopologyTestDriver offlineStage() {
        return offlineStage(new TurnWrites(new ConversationRecorder(client, ConversationsProperties.defaults()),
                new SimpleMeterRegistry()));
    }

    private static TopologyTestDriver offlineStage(TurnWrites writes) {
        var builder = new StreamsBuilder();
        InterpreterTopology.build(builder, StageFixtures.TOPICS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC),
                new ConversationTurns(writes, 10_000, Duration.ofMillis(50)));
        return StageFixtures.driver(builder);
    }

    private static void claim(String conversationId) throws Exception {
        assertThat(claims.claim(conversationId, "p").toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isEqualTo(ConversationClaims.Claim.NEW);
    }

    private static ConversationView awaitView(String conversationId, Predicate<ConversationView> done) {
        return Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> records.view(conversationId).toCompletableFuture().get(5, TimeUnit.SECONDS),
                        view -> view.isPresent() && done.test(view.get()))
                .orElseThrow();
    }
}
