package io.dbchat.gateway.query;

import io.dbchat.contracts.Headers;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.gateway.kafka.TopicWriter;
import java.util.Map;
import reactor.core.publisher.Mono;

/** Writes questions to the questions topic, keyed by conversation id so a conversation stays in order. */
class KafkaQuestionSubmitter implements QuestionSubmitter {

    private final TopicWriter<QuestionAsked> writer;

    KafkaQuestionSubmitter(TopicWriter<QuestionAsked> writer) {
        this.writer = writer;
    }

    @Override
    public Mono<Void> submit(QuestionAsked question) {
        return writer.send(question.conversationId(), question,
                Map.of(Headers.TRACE_ID, question.queryId(), Headers.SOURCE_STAGE, "gateway"));
    }
}
