package io.dbchat.contracts.topics;

import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QueryCancelled;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.SchemaRefreshRequested;
import io.dbchat.contracts.events.SchemaSnapshot;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.serde.JsonSerde;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The typed registry of dbchat's topics. Names are a configurable prefix (default "dbchat.") plus a
 * fixed suffix. Pipeline topics are keyed by conversation id; the schema topic by datasource; the knowledge topic by datasource and entry id.
 */
public record Topics(
        Topic<String, QuestionAsked> questions,
        Topic<String, SchemaSnapshot> schema,
        Topic<String, SchemaRefreshRequested> schemaRequests,
        Topic<String, SqlProposed> sql,
        Topic<String, SqlFailed> sqlFailures,
        Topic<String, QueryResult> results,
        Topic<String, ReplyEvent> replies,
        Topic<String, FeedbackGiven> feedback,
        Topic<byte[], byte[]> dlq,
        Topic<String, QueryCancelled> cancellations,
        Topic<String, KnowledgeEntry> knowledge) {

    public static final String DEFAULT_PREFIX = "dbchat.";

    public static Topics withPrefix(String prefix) {
        return new Topics(
                json(prefix + "questions", QuestionAsked.class),
                json(prefix + "schema", SchemaSnapshot.class),
                json(prefix + "schema.requests", SchemaRefreshRequested.class),
                json(prefix + "sql", SqlProposed.class),
                json(prefix + "sql.failures", SqlFailed.class),
                json(prefix + "results", QueryResult.class),
                json(prefix + "replies", ReplyEvent.class),
                json(prefix + "feedback", FeedbackGiven.class),
                new Topic<>(prefix + "dlq", Serdes.ByteArray(), Serdes.ByteArray()),
                json(prefix + "cancellations", QueryCancelled.class),
                json(prefix + "knowledge", KnowledgeEntry.class));
    }

    public List<Topic<?, ?>> all() {
        return List.of(questions, schema, schemaRequests, sql, sqlFailures, results, replies, feedback, dlq, cancellations,
                knowledge);
    }

    /** Compacted topics keep the latest value per key instead of a time-bounded history. */
    public boolean isCompacted(Topic<?, ?> topic) {
        return topic.name().equals(schema.name()) || topic.name().equals(knowledge.name());
    }

    private static <V> Topic<String, V> json(String name, Class<V> type) {
        return new Topic<>(name, Serdes.String(), new JsonSerde<>(type));
    }
}
