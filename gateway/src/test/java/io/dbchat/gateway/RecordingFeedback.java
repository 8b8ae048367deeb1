package io.dbchat.gateway;

import io.dbchat.contracts.events.FeedbackGiven;
import io.dbchat.gateway.feedback.FeedbackPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** A feedback topic stand-in that keeps what was published. */
public final class RecordingFeedback implements FeedbackPublisher {

    private final List<FeedbackGiven> published = new CopyOnWriteArrayList<>();

    @Override
    public Mono<Void> publish(FeedbackGiven feedback) {
        return Mono.fromRunnable(() -> published.add(feedback));
    }

    public List<FeedbackGiven> published() {
        return published;
    }

    public void reset() {
        published.clear();
    }
}
