package io.dbchat.interpreter.stage;

import io.dbchat.contracts.cancel.Cancellations;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.TraceHop;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.narrate.AnswerWriter;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * results → replies: an "interpreting" STATUS (seq 1000), then the answer. From templates it is one TOKEN
 * with the whole text (1001) and the FINAL (1002); from an LLM it is TOKEN batches (1001..1000+n) as they
 * are written, then the FINAL (1000+n+1) carrying the whole text, the SQL, the rows and a chart suggestion.
 * A cancelled query gets the ERROR reply {@code cancelled} instead, and its result, if one comes, is dropped.
 */
public final class InterpreterTopology {

    private InterpreterTopology() {
    }

    /** Answers from templates, synchronously: no LLM is configured. */
    public static void build(StreamsBuilder builder, Topics topics, Clock clock) {
        results(builder, topics, clock)
                .flatMapValues(result -> Answers.offline(result, clock.instant()))
                .to(topics.replies().name(), topics.replies().produced());
    }

    /** Answers with an LLM, streamed, off the stream thread; returns the number of answers being written. */
    public static IntSupplier build(StreamsBuilder builder, Topics topics, Clock clock, AnswerWriter writer,
                                    InterpreterProperties settings) {
        var answers = new StreamedAnswers(writer, settings, clock);
        results(builder, topics, clock)
                .process(answers)
                .to(topics.replies().name(), topics.replies().produced());
        return answers::inFlight;
    }

    /**
     * The results to answer, without those of cancelled queries; a cancellation itself is answered at once with
     * the ERROR reply {@code cancelled} (seq {@link io.dbchat.contracts.events.ReplySeq#CANCELLED}).
     */
    private static KStream<String, QueryResult> results(StreamsBuilder builder, Topics topics, Clock clock) {
        Cancellations.install(builder, topics)
                .mapValues(cancelled -> Answers.cancelled(cancelled, clock.instant()), Named.as("cancellation-reply"))
                .to(topics.replies().name(), topics.replies().produced());
        return Cancellations.dropCancelled(builder.stream(topics.results().name(), topics.results().consumed())
                        .processValues(TraceHop.at("interpreter answer", QueryResult::queryId), Named.as("trace-result")),
                QueryResult::queryId, "drop-cancelled-result");
    }
}
