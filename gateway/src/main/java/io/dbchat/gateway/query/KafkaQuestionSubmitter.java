package io.dbchat.gateway.query;

import io.dbchat.contracts.Headers;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.tracing.StageTracing;
import io.dbchat.gateway.kafka.TopicWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import reactor.core.publisher.Mono;

/** Writes questions to the questions topic, keyed by conversation id so a conversation stays in order. */
class KafkaQuestionSubmitter implements QuestionSubmitter {

    private final TopicWriter<QuestionAsked> writer;
    private final Optional<StageTracing> tracing;

    KafkaQuestionSubmitter(TopicWriter<QuestionAsked> writer, Optional<StageTracing> tracing) {
        this.writer = writer;
        this.tracing = tracing;
    }

    /** The trace of the question starts here; its context travels in the record's headers through every stage. */
    @Override
    public Mono<Void> submit(QuestionAsked question) {
        return writer.send(question.conversationId(), question, headers(tracing, "gateway ask", question.queryId()));
    }

    /** The headers of a query's first record: a new trace (when tracing is on), the query id and the gateway as source. */
    static Map<String, String> headers(Optional<StageTracing> tracing, String span, String queryId) {
        Map<String, String> headers = new HashMap<>(tracing.map(t -> t.start(span, queryId)).orElse(Map.of()));
        headers.put(Headers.TRACE_ID, queryId);
        headers.put(Headers.SOURCE_STAGE, "gateway");
        return headers;
    }
}
