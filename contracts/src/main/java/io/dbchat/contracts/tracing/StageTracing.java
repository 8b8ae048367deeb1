package io.dbchat.contracts.tracing;

import io.dbchat.contracts.Headers;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;

/**
 * One trace per question across the topics: W3C trace context travels in each record's {@code traceparent}
 * header. Where a stage takes a record in, it opens a span, child of the context the record carries, for the
 * record's synchronous way through the stage, and passes its own context on in the header, which Kafka Streams
 * copies to what the stage writes (and the async processor to the outcome of a call). Without a tracer (tests,
 * a stage built by hand) nothing is recorded and headers pass as they are; nor for a record whose trace the gateway
 * did not sample, whose context goes on unchanged.
 */
public final class StageTracing {

    /** The span tag and logging key of the query a span belongs to. */
    public static final String QUERY_ID = "dbchat.query_id";
    /** The key under which a stage's Streams configuration holds its tracing, for its processors. */
    public static final String CONFIG = "dbchat.tracing";
    /** The logging keys of the trace and the span, as Micrometer Tracing names them. */
    private static final String TRACE_ID = "traceId";
    private static final String SPAN_ID = "spanId";

    private final Tracer tracer;
    private final Propagator propagator;

    public StageTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The tracing of a context that has a tracer and a propagator (Spring Boot's tracing is on), else none. */
    public static Optional<StageTracing> of(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer t = tracer.getIfAvailable();
        Propagator p = propagator.getIfAvailable();
        return t == null || p == null ? Optional.empty() : Optional.of(new StageTracing(t, p));
    }

    /**
     * Runs {@code next} inside a span named {@code name}, child of the context in {@code headers}, with the headers
     * that carry the span's context on; the span and the query id are in the logging context meanwhile.
     */
    public void within(org.apache.kafka.common.header.Headers headers, String name, String queryId,
                       Consumer<RecordHeaders> next) {
        Header parent = headers.lastHeader(Headers.TRACEPARENT);
        if (parent != null && notSampled(parent.value())) {
            passOn(headers, parent.value(), queryId, next);
            return;
        }
        Span span = propagator.extract(headers, StageTracing::lastValue).name(name).tag(QUERY_ID, String.valueOf(queryId))
                .start();
        var out = new RecordHeaders(headers.toArray());
        out.remove(Headers.TRACEPARENT);
        propagator.inject(span.context(), out, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
        try (var scope = tracer.withSpan(span); var logged = MDC.putCloseable(QUERY_ID, queryId)) {
            next.accept(out);
        } finally {
            span.end();
        }
    }

    /**
     * A record whose trace was not sampled (the gateway decided when it started the question's trace; the stages'
     * samplers follow their parent) goes on with its context as it came: a span of the stage would be recorded
     * nowhere, and extracting, starting, injecting and ending it was most of tracing's cost per record. The log lines
     * meanwhile carry the trace, the incoming span and the query, as they would inside a span.
     */
    private static void passOn(org.apache.kafka.common.header.Headers headers, byte[] traceparent, String queryId,
                               Consumer<RecordHeaders> next) {
        RecordHeaders out = headers instanceof RecordHeaders same ? same : new RecordHeaders(headers.toArray());
        String value = new String(traceparent, StandardCharsets.US_ASCII);
        try (var trace = MDC.putCloseable(TRACE_ID, value.substring(3, 35));
             var parent = MDC.putCloseable(SPAN_ID, value.substring(36, 52));
             var logged = MDC.putCloseable(QUERY_ID, queryId)) {
            next.accept(out);
        }
    }

    /**
     * Whether a W3C {@code traceparent} ({@code version-traceid-parentid-flags}: 2, 32, 16 and 2 hex digits) says its
     * trace is not sampled. A value not of that form is not judged here (the propagator then starts a new trace).
     */
    static boolean notSampled(byte[] traceparent) {
        if (traceparent == null || traceparent.length < 55 || (traceparent[0] == 'f' && traceparent[1] == 'f')
                || traceparent[2] != '-' || traceparent[35] != '-'
                || traceparent[52] != '-' || (traceparent.length > 55 && traceparent[55] != '-')) {
            return false;
        }
        int flags = Character.digit(traceparent[54], 16);
        return Character.digit(traceparent[53], 16) >= 0 && flags >= 0 && (flags & 1) == 0;
    }

    /** A new trace's first span, ended at once: the headers to send with the record that starts it. */
    public Map<String, String> start(String name, String queryId) {
        Span span = tracer.nextSpan().name(name).tag(QUERY_ID, queryId).start();
        span.end();
        Map<String, String> headers = new HashMap<>();
        propagator.inject(span.context(), headers, Map::put);
        return headers;
    }

    private static String lastValue(org.apache.kafka.common.header.Headers headers, String key) {
        Header header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
