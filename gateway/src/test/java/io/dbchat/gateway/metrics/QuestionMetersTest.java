package io.dbchat.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QuestionMetersTest {

    static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final QuestionMeters meters = new QuestionMeters(registry, 10, Duration.ofHours(1));

    @Test
    void followsASubmittedQuestionThroughItsStagesToItsAnswer() {
        var q = question("q-1");
        meters.submitted(q, "question");

        meters.onReply(ReplyEvent.status(q, ReplySeq.translating(1), "translating", T0.plusMillis(10)));
        meters.onReply(ReplyEvent.status(q, ReplySeq.validating(1), "validating", T0.plusMillis(310)));
        meters.onReply(ReplyEvent.status(q, ReplySeq.validating(1), "validating", T0.plusMillis(900)));
        meters.onReply(ReplyEvent.status(q, ReplySeq.executing(1), "executing", T0.plusMillis(320)));
        meters.onReply(ReplyEvent.fin(q, ReplySeq.interpreter(1), answer(null), T0.plusMillis(420)));

        assertThat(registry.get(QuestionMeters.SUBMITTED).tag("kind", "question").counter().count()).isEqualTo(1);
        assertThat(registry.get(QuestionMeters.ANSWERED).tag("outcome", "answered").counter().count()).isEqualTo(1);
        assertThat(registry.get(QuestionMeters.DURATION).timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(420);
        assertThat(stage("translating")).isEqualTo(300);
        assertThat(stage("validating")).as("a replayed reply is not counted again").isEqualTo(10);
        assertThat(stage("executing")).isEqualTo(100);
    }

    @Test
    void countsAnAnswerWithoutRowsAndIgnoresQueriesOfOtherInstances() {
        var mine = question("q-1");
        meters.submitted(mine, "sql");

        meters.onReply(ReplyEvent.fin(question("q-2"), ReplySeq.interpreter(1), answer(null), T0));
        meters.onReply(ReplyEvent.fin(mine, ReplySeq.interpreter(1),
                answer(ErrorCode.SQL_REJECTED.problem("no")), T0.plusSeconds(1)));
        meters.onReply(ReplyEvent.fin(mine, ReplySeq.interpreter(1), answer(null), T0.plusSeconds(2)));

        assertThat(registry.get(QuestionMeters.ANSWERED).counters()).hasSize(1);
        assertThat(registry.get(QuestionMeters.ANSWERED).tags("kind", "sql", "outcome", "no_rows").counter().count())
                .isEqualTo(1);
    }

    private double stage(String name) {
        return registry.get(QuestionMeters.STAGE_DURATION).tag("stage", name).timer().totalTime(TimeUnit.MILLISECONDS);
    }

    private static QuestionAsked question(String id) {
        return QuestionAsked.of(id, "c-" + id, "alice", "demo", "How many users?", T0);
    }

    private static FinalAnswer answer(io.dbchat.contracts.errors.Problem problem) {
        return new FinalAnswer("There are 3 users.", "SELECT count(*) FROM users", List.of(), List.of(), 0, false,
                null, "offline (rules)", problem);
    }
}
