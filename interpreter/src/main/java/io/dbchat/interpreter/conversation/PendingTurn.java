package io.dbchat.interpreter.conversation;

import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QuestionAsked;
import java.time.Instant;

/** A question whose turn is not recorded yet: waiting for its FINAL ({@code answer} null), or for Redis. */
record PendingTurn(QuestionAsked question, FinalAnswer answer, Instant answeredAt) {

    PendingTurn answered(FinalAnswer finalAnswer, Instant at) {
        return new PendingTurn(question, finalAnswer, at);
    }

    boolean ready() {
        return answer != null;
    }
}
