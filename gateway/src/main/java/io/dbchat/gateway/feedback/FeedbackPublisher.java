package io.dbchat.gateway.feedback;

import io.dbchat.contracts.events.FeedbackGiven;
import reactor.core.publisher.Mono;

/** Hands feedback to the feedback topic; completes once Kafka acknowledged it. */
public interface FeedbackPublisher {

    Mono<Void> publish(FeedbackGiven feedback);
}
