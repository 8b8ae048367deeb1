package io.dbchat.interpreter.stage;

import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.interpreter.answer.TemplatedAnswers;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.streams.StreamsBuilder;

/** results → an "interpreting" status, then the FINAL answer in words with the SQL and rows beside it. */
public final class InterpreterTopology {

    private InterpreterTopology() {
    }

    public static void build(StreamsBuilder builder, Topics topics, Clock clock) {
        builder.stream(topics.results().name(), topics.results().consumed())
                .flatMapValues(result -> List.of(
                        ReplyEvent.status(result.question(), ReplySeq.interpreter(0), "interpreting", clock.instant()),
                        ReplyEvent.fin(result.question(), ReplySeq.interpreter(1), answer(result), clock.instant())))
                .to(topics.replies().name(), topics.replies().produced());
    }

    static FinalAnswer answer(QueryResult result) {
        String reply = TemplatedAnswers.answer(result);
        return switch (result) {
            case QueryAnswered a -> new FinalAnswer(reply, a.proposal().sql(), a.columns(), a.rows(), a.rowCount(),
                    a.truncated(), null, a.proposal().translator().label(), null);
            case QueryRejected r -> new FinalAnswer(reply, r.sql(), List.of(), List.of(), 0, false, null,
                    r.translator() == null ? null : r.translator().label(), r.problem());
        };
    }
}
