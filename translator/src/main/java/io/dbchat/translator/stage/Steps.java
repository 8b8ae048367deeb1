package io.dbchat.translator.stage;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TranslatorInfo;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import io.dbchat.translator.offline.OfflineTranslator;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * The decisions of the translator stage as plain functions: what a question or a failed SQL leads to (a
 * {@link Next}: translate, or end with a rejection), and what a translation becomes (an {@link Outcome}: SQL
 * proposed, or a rejection). Both are sealed, so the topology routes them by exhaustive switches.
 */
final class Steps {

    /** What a question or a failed SQL leads to: a translation to make, or the end of the query. */
    sealed interface Next {

        record Translate(TranslationRequest request) implements Next {
        }

        record End(QueryRejected rejected) implements Next {
        }
    }

    /** What a translation becomes: SQL for the executor, or a reasoned rejection for the interpreter. */
    sealed interface Outcome {

        record Proposed(SqlProposed proposal) implements Outcome {
        }

        record Rejected(QueryRejected rejected) implements Outcome {
        }
    }

    /** A translation, how long it took (measured where it ran) and the schema version it used. */
    record Timed(Translation translation, long latencyMs, String schemaVersion) {
    }

    private final Translator translator;
    private final int maxCorrections;
    private final SchemaCache schemas;
    private final Clock clock;

    Steps(Translator translator, int maxCorrections, SchemaCache schemas, Clock clock) {
        this.translator = translator;
        this.maxCorrections = maxCorrections;
        this.schemas = schemas;
        this.clock = clock;
    }

    Next first(QuestionAsked q, SchemaSnapshot schema) {
        if (schema == null) {
            return new Next.End(QueryRejected.of(q, null, null, noSchema(q)));
        }
        return new Next.Translate(TranslationRequest.first(q, schema, List.of()));
    }

    /**
     * Another attempt with the failure in hand, or the end of the query with the database's reason (or the guard's,
     * code and all, for a refusal). A refusal is corrected only in SQL a language model wrote: the offline
     * translator's and the caller's SQL would come back the same.
     */
    Next correct(SqlFailed failure, SchemaSnapshot schema) {
        int next = failure.proposal().attempt() + 1;
        TranslatorInfo author = failure.proposal().translator();
        // SQL the caller wrote is run as written: its failure is the caller's to correct
        boolean written = author != null && author.isUser();
        boolean correctable = !failure.fromGuard() || byModel(author);
        boolean mayRetry = translator.isRemote() && !written && correctable && next <= 1 + maxCorrections
                && next <= ReplySeq.MAX_ATTEMPTS;
        if (failure.fromGuard() && (!mayRetry || schema == null)) {
            return new Next.End(QueryRejected.of(failure.proposal(), failure.refusal()));
        }
        if (!mayRetry || schema == null) {
            String tries = failure.proposal().attempt() > 1 ? " (after " + failure.proposal().attempt() + " attempts)" : "";
            return new Next.End(QueryRejected.of(failure.proposal(), ErrorCode.SQL_FAILED.problem(
                    "The database could not run the SQL" + tries + ": " + failure.message())));
        }
        return new Next.Translate(new TranslationRequest(failure.proposal().question(), schema, List.of(), next, failure));
    }

    private static boolean byModel(TranslatorInfo author) {
        return author != null && !author.isUser() && !OfflineTranslator.INFO.provider().equals(author.provider());
    }

    private static Problem noSchema(QuestionAsked q) {
        return ErrorCode.NO_SCHEMA.problem(
                "I do not know the database '" + q.datasource() + "' yet: its schema has not been published.");
    }

    ReplyEvent status(QuestionAsked q, int attempt) {
        return ReplyEvent.status(q, ReplySeq.translating(attempt), "translating", clock.instant());
    }

    Timed timed(TranslationRequest request) {
        long started = clock.millis();
        Translation t = translator.translate(request);
        return new Timed(t, clock.millis() - started, request.schema().version());
    }

    /** Runs on a call thread: the schema comes from the cache the stream thread fills. */
    Timed call(PendingTranslation pending) {
        return schemas.get(pending.question().datasource())
                .map(schema -> timed(new TranslationRequest(pending.question(), schema, List.of(), pending.attempt(),
                        pending.previousFailure())))
                .orElseGet(() -> new Timed(new Translation.Refusal(noSchema(pending.question()), null), 0, null));
    }

    Outcome translateNow(TranslationRequest request) {
        return outcome(PendingTranslation.of(request), timed(request));
    }

    Outcome outcome(PendingTranslation request, Timed done) {
        QuestionAsked q = request.question();
        return switch (done.translation()) {
            case Translation.Sql sql -> new Outcome.Proposed(SqlProposed.of(q, sql.sql(), request.attempt(),
                    sql.translator(), sql.usage(), done.latencyMs(), done.schemaVersion(), sql.interactions(),
                    sql.understanding()).withSource(sql.source() != null ? sql.source()
                    : translator.isRemote() ? SqlSource.model() : SqlSource.rules()));
            case Translation.Refusal refusal -> new Outcome.Rejected(QueryRejected.of(q, failedSql(request),
                    refusal.translator(), refusal.problem(), refusal.interactions()));
        };
    }

    /** A translation that did not finish: it took longer than the stage allows, or failed unexpectedly. */
    Outcome failed(PendingTranslation request, Throwable error) {
        String message = error instanceof TimeoutException
                ? "The language model did not answer in time, so I could not translate the question."
                : "The translation failed unexpectedly (" + error + ").";
        return new Outcome.Rejected(QueryRejected.of(request.question(), failedSql(request), null,
                (error instanceof TimeoutException ? ErrorCode.TIMEOUT : ErrorCode.UNAVAILABLE).problem(message)));
    }

    private static String failedSql(PendingTranslation request) {
        return request.previousFailure() == null ? null : request.previousFailure().proposal().sql();
    }
}
