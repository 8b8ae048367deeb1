package io.dbchat.translator.stage;

import io.dbchat.contracts.async.AsyncCall;
import io.dbchat.contracts.async.AsyncProcessorSupplier;
import io.dbchat.contracts.async.AsyncSettings;
import io.dbchat.contracts.cancel.Cancellations;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.serde.JsonSerde;
import io.dbchat.contracts.serde.RememberingSerde;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.TraceHop;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import io.dbchat.translator.context.TurnSink;
import java.time.Clock;
import java.util.function.IntSupplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.state.Stores;

/**
 * questions (+ the datasource's schema snapshot) → a "translating" status, then SQL on {@code sql} or a
 * reasoned rejection on {@code results}. A remote translator runs off the stream thread through the shared
 * async processor (one call in flight per conversation, pending calls changelogged). A failure reported by
 * the executor is corrected by a further attempt while the translator can and attempts remain, else it ends
 * the query with the database's reason. FINAL replies complete the conversation's turns.
 */
public final class TranslatorTopology {

    static final String SCHEMA_STORE = "translator-schemas";
    static final String PENDING_STORE = "translator-pending";
    /** Decoded schema snapshots kept: one per datasource in use. */
    static final int SCHEMAS_REMEMBERED = 64;

    /** Further attempts after a failed SQL (for translators that can correct themselves) and the async bounds. */
    public record Options(int maxCorrections, AsyncSettings async) {

        public static Options defaults() {
            return new Options(2, AsyncSettings.defaults());
        }
    }

    private TranslatorTopology() {
    }

    public static IntSupplier build(StreamsBuilder builder, Topics topics, Translator translator, Clock clock) {
        return build(builder, topics, translator, Options.defaults(), TurnSink.NONE, clock);
    }

    /** Adds the stage to {@code builder}; returns the number of translations in flight, for monitoring. */
    public static IntSupplier build(StreamsBuilder builder, Topics topics, Translator translator, Options options,
                                    TurnSink turns, Clock clock) {
        // every question looks its schema up here: an unchanged snapshot is compared, not parsed again
        GlobalKTable<String, SchemaSnapshot> schemas = builder.globalTable(topics.schema().name(),
                Consumed.with(topics.schema().key(), new RememberingSerde<>(topics.schema().value(), SCHEMAS_REMEMBERED)),
                Materialized.as(SCHEMA_STORE));
        // a cancelled query's question or failure is dropped here, whichever of it and the cancellation comes first
        Cancellations.install(builder, topics);
        KStream<String, QuestionAsked> questions = Cancellations.dropCancelled(
                builder.stream(topics.questions().name(), topics.questions().consumed())
                        .processValues(TraceHop.at("translator translate", QuestionAsked::queryId), Named.as("trace-question")),
                QuestionAsked::queryId, "drop-cancelled-question");
        KStream<String, SqlFailed> failures = Cancellations.dropCancelled(
                builder.stream(topics.sqlFailures().name(), topics.sqlFailures().consumed())
                        .processValues(TraceHop.at("translator correct", f -> f.proposal().queryId()), Named.as("trace-failure")),
                f -> f.proposal().queryId(), "drop-cancelled-failure");
        SchemaCache cache = new SchemaCache();
        Steps steps = new Steps(translator, options.maxCorrections(), cache, clock);

        var next = questions.leftJoin(schemas, (conversation, q) -> q.datasource(), steps::first)
                .merge(failures.leftJoin(schemas, (conversation, f) -> f.proposal().question().datasource(), steps::correct))
                .split(Named.as("step-"))
                .branch((k, v) -> v instanceof TranslationRequest, Branched.as("translate"))
                .defaultBranch(Branched.as("done"));
        KStream<String, TranslationRequest> requests = next.get("step-translate").mapValues(v -> (TranslationRequest) v);
        statuses(topics, questions, requests, steps);

        if (!translator.isRemote()) {
            route(requests.mapValues(steps::translateNow).merge(next.get("step-done")), topics);
            recordTurns(builder, topics, questions, turns);
            return () -> 0;
        }
        var async = asynchronous(steps, options.async());
        route(requests.process(() -> new SchemaCache.Fill(cache, SCHEMA_STORE), Named.as("cache-schema"))
                .process(async, Named.as("translate-async"))
                .merge(next.get("step-done")), topics);
        recordTurns(builder, topics, questions, turns);
        return async::inFlight;
    }

    /** "translating" for each question's first attempt and for each correction. */
    private static void statuses(Topics topics, KStream<String, QuestionAsked> questions,
                                 KStream<String, TranslationRequest> requests, Steps steps) {
        questions.mapValues(q -> steps.status(q, 1)).to(topics.replies().name(), topics.replies().produced());
        requests.filter((k, r) -> r.attempt() > 1).mapValues(r -> steps.status(r.question(), r.attempt()))
                .to(topics.replies().name(), topics.replies().produced());
    }

    private static AsyncProcessorSupplier<PendingTranslation, Steps.Timed, Object> asynchronous(Steps steps,
                                                                                                AsyncSettings settings) {
        return new AsyncProcessorSupplier<>(PENDING_STORE, PendingTranslation.class, AsyncCall.blocking(steps::call),
                PendingTranslation::id, steps::outcome, steps::failed, settings);
    }

    private static void route(KStream<String, Object> outcomes, Topics topics) {
        outcomes.split(Named.as("translation-"))
                .branch((k, out) -> out instanceof SqlProposed, Branched.withConsumer(s -> s
                        .mapValues(out -> (SqlProposed) out)
                        .to(topics.sql().name(), topics.sql().produced())))
                .defaultBranch(Branched.withConsumer(s -> s
                        .mapValues(out -> (QueryResult) out)
                        .to(topics.results().name(), topics.results().produced())));
    }

    private static void recordTurns(StreamsBuilder builder, Topics topics, KStream<String, QuestionAsked> questions,
                                    TurnSink turns) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TurnRecorder.STORE),
                Serdes.String(), new JsonSerde<>(QuestionAsked.class)));
        questions.process(TurnRecorder.Remember::new, Named.as("remember-question"), TurnRecorder.STORE);
        builder.stream(topics.replies().name(), topics.replies().consumed())
                .filter((k, reply) -> reply != null && reply.type() != null && reply.type().isTerminal())
                .process(() -> new TurnRecorder.Complete(turns), Named.as("complete-turn"), TurnRecorder.STORE);
    }
}
