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
import io.dbchat.contracts.serde.RememberingSerde;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.contracts.tracing.TraceHop;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import java.time.Clock;
import java.util.List;
import java.util.function.IntSupplier;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;

/**
 * questions (+ the datasource's schema snapshot) → a "translating" status, then SQL on {@code sql} or a
 * reasoned rejection on {@code results}. A remote translator runs off the stream thread through the shared
 * async processor (one call in flight per conversation, pending calls changelogged). A failure reported by
 * the executor is corrected by a further attempt while the translator can and attempts remain, else it ends
 * the query with the database's reason.
 */
public final class TranslatorTopology {

    static final String SCHEMA_STORE = "translator-schemas";
    static final String PENDING_STORE = "translator-pending";

    /** Further attempts after a failed SQL (for translators that can correct themselves) and the async bounds. */
    public record Options(int maxCorrections, AsyncSettings async) {

        public static Options defaults() {
            return new Options(2, AsyncSettings.defaults());
        }
    }

    private TranslatorTopology() {
    }

    public static IntSupplier build(StreamsBuilder builder, Topics topics, Translator translator, Clock clock) {
        return build(builder, topics, translator, Options.defaults(), clock);
    }

    /** Adds the stage to {@code builder}; returns the number of translations in flight, for monitoring. */
    public static IntSupplier build(StreamsBuilder builder, Topics topics, Translator translator, Options options,
                                    Clock clock) {
        // every question looks its schema up here: an unchanged snapshot is compared, not parsed again
        GlobalKTable<String, SchemaSnapshot> schemas = builder.globalTable(topics.schema().name(),
                Consumed.with(topics.schema().key(), RememberingSerde.perDatasource(topics.schema().value())),
                Materialized.as(SCHEMA_STORE));
        // a cancelled query's question or failure is dropped here, whichever of it and the cancellation comes first;
        // a model call under way is interrupted
        SchemaCache cache = new SchemaCache();
        Steps steps = new Steps(translator, options.maxCorrections(), cache, clock);
        var async = translator.isRemote() ? asynchronous(steps, options.async()) : null;
        if (async == null) {
            Cancellations.install(builder, topics);
        } else {
            Cancellations.install(builder, topics, async::stop);
        }
        KStream<String, QuestionAsked> questions = Cancellations.dropCancelled(
                builder.stream(topics.questions().name(), topics.questions().consumed())
                        .processValues(TraceHop.at("translator translate", QuestionAsked::queryId), Named.as("trace-question")),
                QuestionAsked::queryId, "drop-cancelled-question");
        KStream<String, SqlFailed> failures = Cancellations.dropCancelled(
                builder.stream(topics.sqlFailures().name(), topics.sqlFailures().consumed())
                        .processValues(TraceHop.at("translator correct", f -> f.proposal().queryId()), Named.as("trace-failure")),
                f -> f.proposal().queryId(), "drop-cancelled-failure");

        KStream<String, Steps.Next> next = questions.leftJoin(schemas, (conversation, q) -> q.datasource(), steps::first)
                .merge(failures.leftJoin(schemas, (conversation, f) -> f.proposal().question().datasource(), steps::correct));
        KStream<String, TranslationRequest> requests = next.flatMapValues(TranslatorTopology::toTranslate,
                Named.as("step-translate"));
        KStream<String, Steps.Outcome> ended = next.flatMapValues(TranslatorTopology::ended, Named.as("step-done"));
        statuses(topics, questions, requests, steps);

        if (async == null) {
            route(requests.mapValues(steps::translateNow).merge(ended), topics);
            return () -> 0;
        }
        route(requests.process(() -> new SchemaCache.Fill(cache, SCHEMA_STORE), Named.as("cache-schema"))
                .process(async, Named.as("translate-async"))
                .merge(ended), topics);
        return async::inFlight;
    }

    /** "translating" for each question's first attempt and for each correction. */
    private static void statuses(Topics topics, KStream<String, QuestionAsked> questions,
                                 KStream<String, TranslationRequest> requests, Steps steps) {
        questions.mapValues(q -> steps.status(q, 1)).to(topics.replies().name(), topics.replies().produced());
        requests.filter((k, r) -> r.attempt() > 1).mapValues(r -> steps.status(r.question(), r.attempt()))
                .to(topics.replies().name(), topics.replies().produced());
    }

    private static AsyncProcessorSupplier<PendingTranslation, Steps.Timed, Steps.Outcome> asynchronous(Steps steps,
                                                                                                       AsyncSettings settings) {
        return new AsyncProcessorSupplier<>(PENDING_STORE, PendingTranslation.class, AsyncCall.blocking(steps::call),
                PendingTranslation::id, p -> p.question().queryId(), steps::outcome, steps::failed, settings);
    }

    private static void route(KStream<String, Steps.Outcome> outcomes, Topics topics) {
        outcomes.flatMapValues(TranslatorTopology::proposed, Named.as("translation-sql"))
                .to(topics.sql().name(), topics.sql().produced());
        outcomes.flatMapValues(TranslatorTopology::rejected, Named.as("translation-rejected"))
                .to(topics.results().name(), topics.results().produced());
    }

    private static List<TranslationRequest> toTranslate(Steps.Next next) {
        return switch (next) {
            case Steps.Next.Translate t -> List.of(t.request());
            case Steps.Next.End _ -> List.of();
        };
    }

    private static List<Steps.Outcome> ended(Steps.Next next) {
        return switch (next) {
            case Steps.Next.Translate _ -> List.of();
            case Steps.Next.End end -> List.of(new Steps.Outcome.Rejected(end.rejected()));
        };
    }

    private static List<SqlProposed> proposed(Steps.Outcome outcome) {
        return switch (outcome) {
            case Steps.Outcome.Proposed p -> List.of(p.proposal());
            case Steps.Outcome.Rejected _ -> List.of();
        };
    }

    private static List<QueryResult> rejected(Steps.Outcome outcome) {
        return switch (outcome) {
            case Steps.Outcome.Proposed _ -> List.of();
            case Steps.Outcome.Rejected r -> List.of(r.rejected());
        };
    }
}
