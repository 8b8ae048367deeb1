package io.dbchat.interpreter.stage;

import io.dbchat.contracts.cancel.Cancellations;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.TraceHop;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.conversation.ConversationTurns;
import io.dbchat.interpreter.narrate.AnswerWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * results → replies. From templates it is the FINAL alone (1001), written in the transaction that reads the result;
 * from an LLM an "interpreting" STATUS (seq 1000) when the call starts, TOKEN batches (1001..1000+n) as they
 * are written, then the FINAL (1000+n+1) carrying the whole text, the SQL, the rows and a chart suggestion;
 * the LLM's calls run in the shared async processor, whose partial output carries the tokens. Every FINAL is
 * recorded as a turn of its conversation when {@link ConversationTurns} are given. A cancelled query gets the
 * ERROR reply {@code cancelled} instead (also recorded as its turn), its model call under way is stopped, and its
 * result, if one comes, is dropped.
 */
public final class InterpreterTopology {

    private InterpreterTopology() {
    }

    /** Answers from templates, synchronously: no LLM is configured. */
    public static void build(StreamsBuilder builder, Topics topics, Clock clock) {
        build(builder, topics, clock, null);
    }

    /** Answers from templates, recording each FINAL with {@code turns} (none when null). */
    public static void build(StreamsBuilder builder, Topics topics, Clock clock, ConversationTurns turns) {
        var read = Cancellations.install(builder, topics);
        var results = results(builder, topics, turns);
        var cancelled = cancelledReplies(read, clock, turns);
        replies(results.flatMapValues(result -> Answers.offline(result, clock.instant())).merge(cancelled), topics, turns);
    }

    /** Answers with an LLM, streamed, off the stream thread; returns the number of answers being written. */
    public static IntSupplier build(StreamsBuilder builder, Topics topics, Clock clock, AnswerWriter writer,
                                    InterpreterProperties settings, MeterRegistry meters) {
        return build(builder, topics, clock, writer, settings, meters, null);
    }

    /** Answers with an LLM, recording each FINAL with {@code turns} (none when null). */
    public static IntSupplier build(StreamsBuilder builder, Topics topics, Clock clock, AnswerWriter writer,
                                    InterpreterProperties settings, MeterRegistry meters, ConversationTurns turns) {
        var answers = StreamedAnswers.supplier(writer, settings, clock, meters);
        // a model writing the answer of a cancelled query is stopped, so no FINAL follows the ERROR
        var read = Cancellations.install(builder, topics, answers::stop);
        var results = results(builder, topics, turns);
        var cancelled = cancelledReplies(read, clock, turns);
        replies(results.process(answers).merge(cancelled), topics, turns);
        return answers::inFlight;
    }

    /**
     * A cancellation (read, and stored to drop the query's result, by {@link Cancellations#install}) is answered at
     * once with the ERROR reply {@code cancelled} (seq {@link io.dbchat.contracts.events.ReplySeq#CANCELLED}),
     * recorded as the query's turn with {@code turns} (none when null).
     */
    private static KStream<String, ReplyEvent> cancelledReplies(KStream<String, QueryCancelled> read, Clock clock,
                                                                ConversationTurns turns) {
        return (turns == null ? read : turns.rememberCancelled(read))
                .mapValues(cancelled -> Answers.cancelled(cancelled, clock.instant()), Named.as("cancellation-reply"));
    }

    /** The results to answer, without those of cancelled queries. */
    private static KStream<String, QueryResult> results(StreamsBuilder builder, Topics topics, ConversationTurns turns) {
        var results = Cancellations.dropCancelled(builder.stream(topics.results().name(), topics.results().consumed())
                        .processValues(TraceHop.at("interpreter answer", QueryResult::queryId), Named.as("trace-result")),
                QueryResult::queryId, "drop-cancelled-result");
        if (turns != null) {
            turns.remember(builder, results);
        }
        return results;
    }

    private static void replies(KStream<String, ReplyEvent> replies, Topics topics, ConversationTurns turns) {
        replies.to(topics.replies().name(), topics.replies().produced());
        if (turns != null) {
            turns.record(replies);
        }
    }
}
