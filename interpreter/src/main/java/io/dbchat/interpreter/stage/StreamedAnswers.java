package io.dbchat.interpreter.stage;

import io.dbchat.contracts.async.AsyncProcessorSupplier;
import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.async.PartialOutput;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.answer.TemplatedAnswers;
import io.dbchat.interpreter.narrate.AnswerWriter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers written by an LLM, through the shared async processor: the "interpreting" STATUS (seq 1000) when a
 * result is taken in, TOKEN batches (1001..1000+n) as the model writes, then the FINAL (1000+n+1); a failed or
 * late call is answered from templates. A rejection needs no LLM: its call is its templated answer, complete at
 * once (it holds a call slot only for that instant), forwarded in its conversation's turn.
 */
final class StreamedAnswers implements PartialOutput<QueryResult, String, ReplyEvent> {

    static final String STORE = "interpreter-pending";
    private static final Logger log = LoggerFactory.getLogger(StreamedAnswers.class);

    private final AnswerWriter writer;
    private final InterpreterProperties settings;
    private final Clock clock;
    private final MeterRegistry meters;

    private StreamedAnswers(AnswerWriter writer, InterpreterProperties settings, Clock clock, MeterRegistry meters) {
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    /** Processors sharing one bound on LLM calls in flight across all tasks of the stage. */
    static AsyncProcessorSupplier<QueryResult, String, ReplyEvent> supplier(AnswerWriter writer,
                                                                            InterpreterProperties settings, Clock clock,
                                                                            MeterRegistry meters) {
        var answers = new StreamedAnswers(writer, settings, clock, meters);
        return AsyncProcessorSupplier.streaming(STORE, QueryResult.class, answers::write, QueryResult::queryId,
                QueryResult::queryId,
                answers, answers::written, answers::failed,
                new AsyncSettings(settings.maxInFlight(), settings.callTimeout(), settings.collectEvery()));
    }

    private CompletionStage<String> write(QueryResult result, Consumer<String> tokens) {
        return switch (result) {
            // where the SQL came from is said in the same words as the templates', after the model's
            case QueryAnswered answered -> {
                CompletableFuture<String> written = writer.write(answered, tokens).toCompletableFuture();
                CompletableFuture<String> said = written.thenApply(text -> {
                    String source = TemplatedAnswers.source(answered);
                    if (!source.isEmpty()) {
                        tokens.accept(source);
                    }
                    return text + source;
                });
                // a cancel (the question was cancelled) reaches this stage, not the model's: pass it on
                said.whenComplete((text, failure) -> {
                    if (said.isCancelled()) {
                        written.cancel(true);
                    }
                });
                yield said;
            }
            case QueryRejected rejected -> CompletableFuture.completedFuture(TemplatedAnswers.answer(rejected));
        };
    }

    @Override
    public ReplyEvent accepted(QueryResult result) {
        return Answers.status(result, clock.instant());
    }

    @Override
    public Buffer<String> buffer(QueryResult result) {
        return new TokenBuffer(settings.tokenBatchSize(), settings.tokenBatchEvery().toMillis());
    }

    @Override
    public ReplyEvent partial(QueryResult result, int n, String batch) {
        return ReplyEvent.token(result.question(), ReplySeq.interpreter(n), batch, clock.instant());
    }

    private ReplyEvent written(QueryResult result, String text, int tokens) {
        return Answers.fin(result, text, tokens, clock.instant());
    }

    private ReplyEvent failed(QueryResult result, Throwable error, int tokens) {
        String reason = error instanceof TimeoutException ? "timeout" : "error";
        meters.counter("dbchat.interpreter.llm.fallbacks", "reason", reason).increment();
        log.warn("LLM answer for query {} failed ({}: {}); answering from templates", result.queryId(), reason,
                error.toString());
        return Answers.fin(result, TemplatedAnswers.answer(result), tokens, clock.instant());
    }
}
