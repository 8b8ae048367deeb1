package io.dbchat.gateway.query;

import io.dbchat.contracts.events.QuestionAsked;
import reactor.core.publisher.Mono;

/** Hands a question to the pipeline; completes once it is durably written (acknowledged by Kafka). */
public interface QuestionSubmitter {

    Mono<Void> submit(QuestionAsked question);
}
