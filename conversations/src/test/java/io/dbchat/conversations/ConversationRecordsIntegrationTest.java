package io.dbchat.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.ColumnMeta;
import io.dbchat.contracts.events.DisplayText;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.conversations.ConversationClaims.Claim;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** The conversation record in a real Redis: claims, turns recorded by one writer, views, lists and deletes. */
class ConversationRecordsIntegrationTest {

    static TestRedis redis;
    static RedissonClient client;
    static final ConversationsProperties SETTINGS = new ConversationsProperties(Duration.ofDays(30), 3, 200);
    final ConversationClaims claims = new ConversationClaims(client, SETTINGS, Clock.systemUTC());
    final ConversationRecorder recorder = new ConversationRecorder(client, SETTINGS);
    final ConversationRecords records = new ConversationRecords(client);

    @BeforeAll
    static void startRedis() {
        redis = new TestRedis();
        client = RedisClients.create(redis.url(), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopRedis() {
        client.shutdown();
        redis.close();
    }

    @Test
    void aConversationIsClaimedOnceAndOnlyItsOwnerSeesItAsOwned() {
        assertThat(await(claims.check("c-claim", "alice"))).isEqualTo(Claim.UNKNOWN);
        assertThat(await(claims.claim("c-claim", "alice"))).isEqualTo(Claim.NEW);
        assertThat(await(claims.claim("c-claim", "alice"))).isEqualTo(Claim.OWNED);
        assertThat(await(claims.claim("c-claim", "bob"))).isEqualTo(Claim.FOREIGN);
        assertThat(await(claims.check("c-claim", "bob"))).isEqualTo(Claim.FOREIGN);
        assertThat(await(claims.check("c-claim", "alice"))).isEqualTo(Claim.OWNED);
    }

    @Test
    void aFinishedTurnIsRecordedOnceWithItsAnswerAndListedByActivity() {
        await(claims.claim("c-old", "carol"));
        await(claims.claim("c-new", "carol"));
        record(ask("q-1", "c-old", "carol", "How many projects?", 1_000), answer("There are 3 projects.", 3), 2_000);
        record(ask("q-2", "c-new", "carol", "Which teams?", 3_000), answer("Two teams.", 2), 4_000);
        record(ask("q-3", "c-old", "carol", "And on hold?", 5_000), answer("One is on hold.", 1), 6_000);
        record(ask("q-3", "c-old", "carol", "And on hold?", 5_000), answer("One is on hold.", 1), 6_000);

        var list = await(records.list("carol", 0, 10));
        assertThat(list).extracting(ConversationSummary::conversationId).containsExactly("c-old", "c-new");
        assertThat(list.getFirst()).extracting(ConversationSummary::title, ConversationSummary::lastQuestion,
                ConversationSummary::queryCount).containsExactly("How many projects?", "And on hold?", 2);
        assertThat(await(records.list("carol", 1, 1))).extracting(ConversationSummary::conversationId)
                .containsExactly("c-new");

        var view = await(records.view("c-old")).orElseThrow();
        assertThat(view.turns()).extracting(ViewedTurn::queryId).containsExactly("q-1", "q-3");
        ViewedTurn first = view.turns().getFirst();
        assertThat(first.answer().columns()).containsExactly(new ColumnMeta("n", "int8"));
        assertThat(first.answer().rows()).hasSize(3);
        assertThat(first.answer().chart()).containsEntry("type", "bar");
        assertThat(first.rowsKept()).isTrue();
        assertThat(await(records.history("c-old", 10))).extracting(StoredTurn::question, StoredTurn::sql)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("How many projects?", "SELECT n FROM t"),
                        org.assertj.core.groups.Tuple.tuple("And on hold?", "SELECT n FROM t"));
    }

    @Test
    void rowsLargerThanTheLimitAreNotKeptButTheirShapeIs() {
        await(claims.claim("c-big", "dave"));
        record(ask("q-big", "c-big", "dave", "Everything?", 1_000), answer("Many rows.", 100), 2_000);

        ViewedTurn turn = await(records.view("c-big")).orElseThrow().turns().getFirst();
        assertThat(turn.rowsKept()).isFalse();
        assertThat(turn.answer().rows()).isEmpty();
        assertThat(turn.answer().rowCount()).isEqualTo(100);
        assertThat(turn.answer().columns()).hasSize(1);
    }

    @Test
    void theOldestTurnsLeavePastTheBound() {
        await(claims.claim("c-long", "erin"));
        for (int i = 1; i <= 5; i++) {
            record(ask("q-" + i, "c-long", "erin", "Question " + i, i * 1_000L), answer("Answer " + i, 1), i * 1_000L + 1);
        }
        assertThat(await(records.history("c-long", 10))).extracting(StoredTurn::queryId)
                .containsExactly("q-3", "q-4", "q-5");
        assertThat(await(records.history("c-long", 2))).extracting(StoredTurn::queryId).containsExactly("q-4", "q-5");
    }

    @Test
    void aTurnOfSomeoneElsesOrAnUnclaimedConversationIsNotRecorded() {
        await(claims.claim("c-frank", "frank"));
        assertThat(await(recorder.record(TurnRecord.of(ask("q-x", "c-frank", "mallory", "Steal?", 1), answer("No.", 1),
                Instant.ofEpochMilli(2), 200)))).isFalse();
        assertThat(await(recorder.record(TurnRecord.of(ask("q-y", "c-nobody", "mallory", "Hi?", 1), answer("No.", 1),
                Instant.ofEpochMilli(2), 200)))).isFalse();
        assertThat(await(records.view("c-frank"))).isEmpty();
        assertThat(await(records.view("c-nobody"))).isEmpty();
        assertThat(await(records.list("mallory", 0, 10))).isEmpty();
    }

    @Test
    void deletingRemovesEverythingAndNothingComesBack() {
        await(claims.claim("c-del", "grace"));
        record(ask("q-d1", "c-del", "grace", "First?", 1_000), answer("Yes.", 1), 2_000);
        assertThat(await(claims.mark("c-del", "grace", "q-d1", "right"))).isTrue();
        assertThat(await(records.view("c-del")).orElseThrow().turns().getFirst().verdict()).isEqualTo("right");

        assertThat(await(claims.delete("c-del", "heidi"))).isFalse();
        assertThat(await(claims.delete("c-del", "grace"))).isTrue();

        assertThat(await(records.view("c-del"))).isEmpty();
        assertThat(await(records.history("c-del", 10))).isEmpty();
        assertThat(await(records.list("grace", 0, 10))).isEmpty();
        assertThat(await(claims.check("c-del", "grace"))).isEqualTo(Claim.DELETED);
        assertThat(await(claims.claim("c-del", "grace"))).isEqualTo(Claim.DELETED);
        assertThat(await(claims.claim("c-del", "heidi"))).isEqualTo(Claim.FOREIGN);
        // an answer finishing after the delete does not bring the conversation back
        assertThat(await(recorder.record(TurnRecord.of(ask("q-d2", "c-del", "grace", "Late?", 3_000), answer("Late.", 1),
                Instant.ofEpochMilli(4_000), 200)))).isFalse();
        assertThat(await(records.view("c-del"))).isEmpty();
        assertThat(await(claims.mark("c-del", "grace", "q-d1", "wrong"))).isFalse();
    }

    @Test
    void aRejectionIsRecordedWithItsProblem() {
        await(claims.claim("c-rej", "ivan"));
        var refused = new FinalAnswer("I can't use the column 'budgett'.", "SELECT budgett FROM project", List.of(),
                List.of(), 0, false, null, "offline (rules)", Problem.of(ErrorCode.SQL_REJECTED, "no column budgett"));
        record(ask("q-r", "c-rej", "ivan", "Budgets?", 1_000), refused, 2_000);

        ViewedTurn turn = await(records.view("c-rej")).orElseThrow().turns().getFirst();
        assertThat(turn.status()).isEqualTo(StoredTurn.REJECTED);
        assertThat(turn.answer().problem().code()).isEqualTo(ErrorCode.SQL_REJECTED.code());
    }

    @Test
    void aCancelledTurnIsRecordedWhereThereIsNoneButNeverReplacesAnAnswer() {
        await(claims.claim("c-stop", "judy"));
        var cancelled = new FinalAnswer("The question was cancelled.", null, List.of(), List.of(), 0, false, null, null,
                Problem.of(ErrorCode.CANCELLED, "The question was cancelled."));
        record(ask("q-a", "c-stop", "judy", "Answered first?", 1_000), answer("Yes.", 1), 2_000);
        record(ask("q-a", "c-stop", "judy", "Answered first?", 1_000), cancelled, 3_000);
        record(ask("q-c", "c-stop", "judy", "Stopped?", 4_000), cancelled, 5_000);

        List<ViewedTurn> turns = await(records.view("c-stop")).orElseThrow().turns();
        assertThat(turns).extracting(ViewedTurn::queryId, ViewedTurn::status)
                .containsExactly(tuple("q-a", StoredTurn.ANSWERED), tuple("q-c", StoredTurn.CANCELLED));
        assertThat(turns.getFirst().reply()).isEqualTo("Yes.");
        assertThat(await(records.history("c-stop", 10))).extracting(StoredTurn::queryId).containsExactly("q-a");
    }

    @Test
    void theDisplayTextIsKeptWithTheRowsAndDroppedWithThem() {
        await(claims.claim("c-shown", "ken"));
        FinalAnswer small = shown(answer("Few rows.", 2));
        FinalAnswer big = shown(answer("Many rows.", 100));
        record(ask("q-s", "c-shown", "ken", "Few?", 1_000), small, 2_000);
        record(ask("q-b", "c-shown", "ken", "Many?", 3_000), big, 4_000);

        List<ViewedTurn> turns = await(records.view("c-shown")).orElseThrow().turns();
        assertThat(turns.getFirst().answer().display()).isEqualTo(small.display());
        assertThat(turns.getLast().rowsKept()).isFalse();
        assertThat(turns.getLast().answer().display().kinds()).containsExactly("number");
        assertThat(turns.getLast().answer().display().cells()).isEmpty();
    }

    /** The answer with display text for each of its rows ("#1", "#2", ...). */
    private static FinalAnswer shown(FinalAnswer a) {
        List<List<String>> cells = a.rows().stream().map(row -> List.of("#" + row.getFirst())).toList();
        return new FinalAnswer(a.reply(), a.sql(), a.columns(), a.rows(), a.rowCount(), a.truncated(), a.chart(),
                a.translator(), a.problem(), a.understanding(), new DisplayText(List.of("number"), cells));
    }

    private void record(QuestionAsked question, FinalAnswer answer, long answeredAt) {
        assertThat(await(recorder.record(TurnRecord.of(question, answer, Instant.ofEpochMilli(answeredAt),
                SETTINGS.maxRowBytes())))).isTrue();
    }

    static QuestionAsked ask(String queryId, String conversationId, String principal, String question, long at) {
        return QuestionAsked.of(queryId, conversationId, principal, "main", question, Instant.ofEpochMilli(at));
    }

    static FinalAnswer answer(String reply, int rows) {
        List<List<Object>> values = java.util.stream.IntStream.range(0, rows).<List<Object>>mapToObj(List::of).toList();
        return new FinalAnswer(reply, "SELECT n FROM t", List.of(new ColumnMeta("n", "int8")), values, rows, false,
                Map.of("type", "bar"), "offline (rules)", null);
    }

    static <T> T await(CompletionStage<T> stage) {
        try {
            return stage.toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
