package io.dbchat.interpreter.stage;

import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.interpreter.InterpreterProperties;
import io.dbchat.interpreter.answer.TemplatedAnswers;
import io.dbchat.interpreter.narrate.AnswerWriter;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers results with an LLM without blocking the stream thread, following the shared async processor's
 * design: results wait in a changelogged store, one answer per conversation is written at a time, calls are
 * bounded by a shared semaphore, and {@code init} writes again what was pending. A wall-clock punctuator
 * publishes TOKEN batches as they arrive and the FINAL when the call ends; a failed or late call is answered
 * from templates. A rejection needs no LLM and is answered as soon as it reaches the head of its queue.
 */
final class StreamedAnswerProcessor implements Processor<String, QueryResult, String, ReplyEvent> {

    private static final Logger log = LoggerFactory.getLogger(StreamedAnswerProcessor.class);

    private final AnswerWriter writer;
    private final InterpreterProperties settings;
    private final Clock clock;
    private final Semaphore inFlight;
    /** Answers being written, by conversation; touched by the stream thread only. */
    private final Map<String, LiveAnswer> live = new HashMap<>();
    /** Conversations whose head result waits for a free call slot. */
    private final Set<String> waiting = new LinkedHashSet<>();
    /** The headers (trace context) of the results this task took in, by query id; not changelogged. */
    private final Map<String, Headers> headers = new HashMap<>();
    private ProcessorContext<String, ReplyEvent> context;
    private KeyValueStore<String, PendingAnswers> pending;

    StreamedAnswerProcessor(AnswerWriter writer, InterpreterProperties settings, Clock clock, Semaphore inFlight) {
        this.writer = writer;
        this.settings = settings;
        this.clock = clock;
        this.inFlight = inFlight;
    }

    @Override
    public void init(ProcessorContext<String, ReplyEvent> context) {
        this.context = context;
        this.pending = context.getStateStore(StreamedAnswers.STORE);
        try (var all = pending.all()) {
            all.forEachRemaining(kv -> waiting.add(kv.key));
        }
        context.schedule(settings.collectEvery(), PunctuationType.WALL_CLOCK_TIME, now -> collect());
    }

    @Override
    public void process(Record<String, QueryResult> record) {
        PendingAnswers queue = queueOf(record.key());
        if (queue.holds(record.value().queryId())) {
            return; // redelivered while its answer is still being written
        }
        headers.put(record.value().queryId(), record.headers());
        forward(record.key(), Answers.status(record.value(), clock.instant()));
        pending.put(record.key(), queue.append(record.value()));
        if (queue.isEmpty()) {
            startHead(record.key());
        }
    }

    private void collect() {
        long now = context.currentSystemTimeMs();
        for (String key : new ArrayList<>(live.keySet())) {
            publish(key, live.get(key), now);
        }
        List<String> retry = new ArrayList<>(waiting);
        waiting.clear();
        retry.forEach(this::startHead);
    }

    private void publish(String key, LiveAnswer answer, long now) {
        QueryAnswered result = answer.result;
        for (String batch : answer.due(now)) {
            forward(key, ReplyEvent.token(result.question(), ReplySeq.interpreter(answer.nextToken()), batch, clock.instant()));
        }
        if (answer.finished()) {
            live.remove(key);
            forward(key, Answers.fin(result, answer.failed() ? fallback(result, answer.error()) : answer.text(),
                    answer.published(), clock.instant()));
            finishHead(key);
            startHead(key);
        }
    }

    /** Starts the head result of a conversation; results that need no LLM are answered at once, in turn. */
    private void startHead(String key) {
        QueryResult head;
        while ((head = queueOf(key).head()) != null) {
            if (head instanceof QueryAnswered answered) {
                startCall(key, answered);
                return;
            }
            forward(key, Answers.fin(head, TemplatedAnswers.answer(head), 0, clock.instant()));
            finishHead(key);
        }
    }

    private void startCall(String key, QueryAnswered answered) {
        if (!inFlight.tryAcquire()) {
            waiting.add(key);
            return;
        }
        live.put(key, new LiveAnswer(answered, writer, settings.callTimeout(),
                new TokenBuffer(settings.tokenBatchSize(), settings.tokenBatchEvery().toMillis()), inFlight::release));
    }

    private void finishHead(String key) {
        headers.remove(queueOf(key).head().queryId());
        PendingAnswers rest = queueOf(key).dropHead();
        if (rest.isEmpty()) {
            pending.delete(key);
        } else {
            pending.put(key, rest);
        }
    }

    private String fallback(QueryAnswered result, Throwable error) {
        String reason = error instanceof TimeoutException ? "timeout" : "error";
        Metrics.counter("dbchat.interpreter.llm.fallbacks", "reason", reason).increment();
        log.warn("LLM answer for query {} failed ({}: {}); answering from templates", result.queryId(), reason,
                error.toString());
        return TemplatedAnswers.answer(result);
    }

    /** Each reply carries the headers (the trace context) of its result; none after a restart re-issued it. */
    private void forward(String key, ReplyEvent reply) {
        context.forward(new Record<>(key, reply, context.currentSystemTimeMs(), headers.get(reply.queryId())));
    }

    /** The task is going away: its answers will be written again wherever it restarts, so their slots are freed now. */
    @Override
    public void close() {
        live.values().forEach(LiveAnswer::abandon);
        live.clear();
        headers.clear();
    }

    private PendingAnswers queueOf(String key) {
        PendingAnswers queue = pending.get(key);
        return queue == null ? PendingAnswers.EMPTY : queue;
    }
}
