package io.dbchat.translator.stage;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.topics.Topics;
import io.dbchat.translator.Translation;
import io.dbchat.translator.TranslationRequest;
import io.dbchat.translator.Translator;
import java.time.Clock;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;

/**
 * questions (+ the datasource's schema snapshot) → a "translating" status, then SQL on {@code sql} or a
 * reasoned rejection on {@code results}. A failure reported by the executor ends the query with the
 * database's reason.
 */
public final class TranslatorTopology {

    static final String SCHEMA_STORE = "translator-schemas";

    private TranslatorTopology() {
    }

    public static void build(StreamsBuilder builder, Topics topics, Translator translator, Clock clock) {
        GlobalKTable<String, SchemaSnapshot> schemas = builder.globalTable(topics.schema().name(),
                topics.schema().consumed(), Materialized.as(SCHEMA_STORE));
        KStream<String, QuestionAsked> questions = builder.stream(topics.questions().name(), topics.questions().consumed());

        questions.mapValues(q -> ReplyEvent.status(q, ReplySeq.translating(1), "translating", clock.instant()))
                .to(topics.replies().name(), topics.replies().produced());

        questions.leftJoin(schemas, (conversation, q) -> q.datasource(), (q, schema) -> translate(translator, q, schema, clock))
                .split(Named.as("translation-"))
                .branch((k, out) -> out instanceof SqlProposed, Branched.withConsumer(s -> s
                        .mapValues(out -> (SqlProposed) out)
                        .to(topics.sql().name(), topics.sql().produced())))
                .defaultBranch(Branched.withConsumer(s -> s
                        .mapValues(out -> (QueryResult) out)
                        .to(topics.results().name(), topics.results().produced())));

        builder.stream(topics.sqlFailures().name(), topics.sqlFailures().consumed())
                .mapValues(TranslatorTopology::giveUp)
                .to(topics.results().name(), topics.results().produced());
    }

    /** Returns a {@link SqlProposed} or a {@link QueryRejected}. */
    private static Object translate(Translator translator, QuestionAsked q, SchemaSnapshot schema, Clock clock) {
        if (schema == null) {
            return QueryRejected.of(q, null, null, ErrorCode.NO_SCHEMA.problem(
                    "I do not know the database '" + q.datasource() + "' yet: its schema has not been published."));
        }
        long started = clock.millis();
        Translation t = translator.translate(TranslationRequest.first(q, schema, java.util.List.of()));
        return switch (t) {
            case Translation.Sql sql -> SqlProposed.of(q, sql.sql(), 1, sql.translator(), sql.usage(),
                    clock.millis() - started, schema.version());
            case Translation.Refusal refusal -> QueryRejected.of(q, null, refusal.translator(), refusal.problem());
        };
    }

    private static QueryResult giveUp(SqlFailed failure) {
        return QueryRejected.of(failure.proposal(), ErrorCode.SQL_FAILED.problem(
                "The database could not run the SQL: " + failure.message()));
    }
}
