package io.dbchat.gateway.replies;

import static io.dbchat.gateway.Fixtures.answered;
import static io.dbchat.gateway.Fixtures.question;
import static io.dbchat.gateway.Fixtures.translating;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.gateway.Fixtures;
import io.dbchat.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class ReplyStoreTest {

    private final MutableClock clock = new MutableClock(Fixtures.NOW);

    private ReplyStore store(int maxQueries, int subscriberBuffer) {
        var d = GatewayProperties.defaults();
        return new ReplyStore(new GatewayProperties(d.answerTimeout(), d.maxQuestionBytes(), d.replayLookback(),
                maxQueries, d.completedRetention(), d.pendingRetention(), d.heartbeat(), subscriberBuffer,
                d.unknownQueryGrace(), d.submitLinger(), d.maxSqlBytes()), clock);
    }

    @Test
    void dropsDuplicateSeqsAndReplaysInSeqOrder() {
        // Given replies arriving out of order and twice
        var store = store(10, 10);
        var q = question("q1");
        store.add(answered(q));
        store.add(translating(q));
        store.add(translating(q));

        // When a subscriber arrives late, Then it sees each seq once, in order, and the stream completes
        StepVerifier.create(store.events("q1", -1).map(ReplyEvent::seq))
                .expectNext(ReplySeq.translating(1), ReplySeq.interpreter(1))
                .verifyComplete();
    }

    @Test
    void liveSubscriberSeesRepliesAsTheyComeAndCompletesAfterFinal() {
        var store = store(10, 10);
        var q = question("q1");
        store.register(q);

        StepVerifier.create(store.events("q1", -1).map(ReplyEvent::seq))
                .then(() -> store.add(translating(q)))
                .expectNext(ReplySeq.translating(1))
                .then(() -> store.add(answered(q)))
                .expectNext(ReplySeq.interpreter(1))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void resumesAfterTheGivenSeq() {
        var store = store(10, 10);
        var q = question("q1");
        store.add(translating(q));
        store.add(answered(q));

        StepVerifier.create(store.events("q1", ReplySeq.translating(1)).map(ReplyEvent::seq))
                .expectNext(ReplySeq.interpreter(1))
                .verifyComplete();
    }

    @Test
    void theTerminalReplyAloneIsGivenWhetherBufferedOrLiveAndAForgottenQueryFailsItsWaiter() {
        var store = store(1, 10);
        var done = question("q-done");
        store.add(translating(done));
        store.add(answered(done));
        StepVerifier.create(store.terminal("q-done").map(ReplyEvent::seq))
                .expectNext(ReplySeq.interpreter(1)).verifyComplete();

        var live = question("q-live");
        store.register(live);
        StepVerifier.create(store.terminal("q-live").map(ReplyEvent::seq))
                .then(() -> store.add(translating(live)))
                .then(() -> store.add(answered(live)))
                .expectNext(ReplySeq.interpreter(1))
                .expectComplete()
                .verify(Duration.ofSeconds(5));

        var forgotten = question("q-forgotten");
        store.register(forgotten);
        StepVerifier.create(store.terminal("q-forgotten"))
                .then(() -> store.register(question("q-newer")))
                .expectError(UnknownQueryException.class)
                .verify(Duration.ofSeconds(5));
        StepVerifier.create(store.terminal("nope")).verifyError(UnknownQueryException.class);
    }

    @Test
    void failsForAnUnknownQuery() {
        StepVerifier.create(store(10, 10).events("nope", -1)).verifyError(UnknownQueryException.class);
    }

    @Test
    void evictsTheOldestCompletedQueryWhenFull() {
        // Given a full store whose second query is the only completed one
        var store = store(2, 10);
        store.register(question("open"));
        store.add(answered(question("done")));

        // When a third query arrives
        store.register(question("new"));

        // Then the completed one made room, and the unfinished one is kept
        assertThat(store.find("done")).isEmpty();
        assertThat(store.find("open")).isPresent();
        assertThat(store.find("new")).isPresent();
    }

    @Test
    void forgetsCompletedQueriesAfterTheirRetention() {
        var store = store(10, 10);
        store.add(answered(question("done")));
        store.register(question("open"));

        clock.advance(GatewayProperties.defaults().completedRetention().plusSeconds(1));
        store.expire();

        assertThat(store.find("done")).isEmpty();
        assertThat(store.find("open")).isPresent();
        clock.advance(GatewayProperties.defaults().pendingRetention());
        store.expire();
        assertThat(store.size()).isZero();
    }

    @Test
    void dropsASubscriberThatFallsBehind() {
        // Given a subscriber that requests nothing and a buffer of 2
        var store = store(10, 2);
        var q = question("q1");
        store.register(q);

        StepVerifier.create(store.events("q1", -1), 0)
                .then(() -> List.of(1L, 2L, 3L, 4L).forEach(seq -> store.add(ReplyEvent.token(q, seq, "t", Fixtures.NOW))))
                .thenRequest(10)
                .expectNextCount(2)
                .verifyError(SlowSubscriberException.class);
    }

    @Test
    void registersTheQuestionOnceRepliesAndQuestionMeet() {
        var store = store(10, 10);
        var q = question("q1");
        store.add(translating(q));
        store.register(q);

        QueryView view = store.find("q1").orElseThrow();
        assertThat(view.question()).isEqualTo(q);
        assertThat(view.replies()).containsExactly(translating(q));
        assertThat(view.terminal()).isEmpty();
    }

    @Test
    void resumesAConversationSkippingQueriesCompletedBeforeTheCursorButNotUnfinishedOnes() {
        // Given a conversation of three queries: done, unfinished, and the one the cursor is in
        var store = store(10, 10);
        var done = QuestionAsked.of("done", "c", "anonymous", "default", "q", Fixtures.NOW);
        var open = QuestionAsked.of("open", "c", "anonymous", "default", "q", Fixtures.NOW);
        var last = QuestionAsked.of("last", "c", "anonymous", "default", "q", Fixtures.NOW);
        store.add(translating(done));
        store.add(answered(done));
        store.add(translating(open));
        store.add(translating(last));
        store.add(answered(last));

        // When a subscriber resumes after the first reply of the last query, Then it gets the unfinished
        // query again (it deduplicates) and the rest of the last one, then live replies of the conversation
        StepVerifier.create(store.conversationEvents("c", new ConversationCursor("last", ReplySeq.translating(1)))
                        .map(r -> r.queryId() + ":" + r.seq()))
                .expectNext("open:" + ReplySeq.translating(1), "last:" + ReplySeq.interpreter(1))
                .then(() -> store.add(answered(open)))
                .expectNext("open:" + ReplySeq.interpreter(1))
                .thenCancel()
                .verify(Duration.ofSeconds(5));
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
