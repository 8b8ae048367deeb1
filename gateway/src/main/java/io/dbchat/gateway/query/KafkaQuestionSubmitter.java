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
        Map<String, String> headers = new HashMap<>(tracing.map(t -> t.start("gateway ask", question.queryId())).orElse(Map.of()));
        headers.put(Headers.TRACE_ID, question.queryId());
        headers.put(Headers.SOURCE_STAGE, "gateway");
        return writer.send(question.conversationId(), question, headers);
    }
}
