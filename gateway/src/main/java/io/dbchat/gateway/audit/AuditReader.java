package io.dbchat.gateway.audit;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryResult;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.serde.Json;
import io.dbchat.contracts.topics.Topics;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a pipeline record as the audit needs it, from its bytes: an answer's rows are skipped, not decoded (the audit
 * keeps only their size, measured on the bytes as the executor wrote them), and so are the FINAL's rows, columns,
 * chart and display text; a TOKEN reply is nothing to the audit. A record that does not parse is a
 * {@link SerializationException}, as the topics' serdes throw.
 */
final class AuditReader {

    /** The events' mapping, but blind to the parts of answers the audit does not keep. */
    private static final JsonMapper LEAN = Json.MAPPER.rebuild()
            .addMixIn(QueryAnswered.class, WithoutRows.class)
            .addMixIn(FinalAnswer.class, WordsOnly.class)
            .addMixIn(AuditRecord.class, IndexedParts.class)
            .build();

    @JsonIgnoreProperties({"rows"})
    private abstract static class WithoutRows {
    }

    @JsonIgnoreProperties({"columns", "rows", "chart", "display", "understanding"})
    private abstract static class WordsOnly {
    }

    /** What {@link AuditIndex.Entry} reads of an audit record. */
    @JsonIgnoreProperties({"conversationId", "question", "replayOf", "schemaVersion", "translator", "attempts", "answer"})
    private abstract static class IndexedParts {
    }

    private final Topics topics;

    AuditReader(Topics topics) {
        this.topics = topics;
    }

    /** The event a record of {@code topic} stands for, or null when it is none of the audit's business. */
    AuditEvent read(String topic, byte[] value, Instant at) {
        if (value == null) {
            return null;
        }
        if (topic.equals(topics.questions().name())) {
            return new AuditEvent(read(topic, value, QuestionAsked.class), null, null, null, null, at);
        }
        if (topic.equals(topics.sql().name())) {
            return new AuditEvent(null, read(topic, value, SqlProposed.class), null, null, null, at);
        }
        if (topic.equals(topics.sqlFailures().name())) {
            return new AuditEvent(null, null, read(topic, value, SqlFailed.class), null, null, at);
        }
        if (topic.equals(topics.results().name())) {
            QueryResult result = read(topic, value, QueryResult.class);
            Long rowBytes = result instanceof QueryAnswered ? rowBytes(topic, value) : null;
            return new AuditEvent(null, null, null, result, null, at, rowBytes);
        }
        if (topic.equals(topics.replies().name())) {
            ReplyEvent reply = read(topic, value, ReplyEvent.class);
            return reply.type() == ReplyType.TOKEN ? null : new AuditEvent(null, null, null, null, reply, at);
        }
        return null;
    }

    /** An audit record with only the parts its index entry needs (the rest left null or empty). */
    static AuditRecord forIndex(String topic, byte[] value) {
        return read(topic, value, AuditRecord.class);
    }

    /** How many bytes the top-level {@code rows} array takes in the record; null when it has none. */
    static Long rowBytes(String topic, byte[] json) {
        try (JsonParser p = LEAN.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                long start = p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                if (name.equals("rows")) {
                    return p.currentLocation().getByteOffset() - start;
                }
            }
            return null;
        } catch (JacksonException e) {
            throw unreadable(topic, "a result", e);
        }
    }

    private static <T> T read(String topic, byte[] value, Class<T> type) {
        try {
            return LEAN.readValue(value, type);
        } catch (JacksonException e) {
            throw unreadable(topic, type.getSimpleName(), e);
        }
    }

    private static SerializationException unreadable(String topic, String what, JacksonException e) {
        return new SerializationException("Cannot read " + what + " from " + topic + ": " + e.getOriginalMessage(), e);
    }
}
