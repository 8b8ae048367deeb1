package io.dbchat.gateway.replies;

import io.dbchat.contracts.events.ReplyEvent;
import java.util.concurrent.LinkedBlockingQueue;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One subscriber's bounded queue of live replies. When it is full the subscriber is dropped with a
 * {@link SlowSubscriberException} rather than letting a slow client hold memory without bound. The queue
 * takes memory per reply waiting in it, not per slot: most subscribers hold one query's few replies, and
 * an array of {@code capacity} slots for each of 10,000 of them would be 10 MiB of empty references.
 */
final class LiveSubscriber {

    private final long afterSeq;
    private final Sinks.Many<ReplyEvent> sink;

    LiveSubscriber(long afterSeq, int capacity) {
        this.afterSeq = afterSeq;
        this.sink = Sinks.many().unicast().onBackpressureBuffer(new LinkedBlockingQueue<>(capacity));
    }

    Flux<ReplyEvent> flux() {
        return sink.asFlux();
    }

    /** Offers a reply; false when this subscriber is gone (dropped, cancelled) and should be forgotten. */
    boolean offer(ReplyEvent reply) {
        if (reply.seq() <= afterSeq) {
            return true;
        }
        Sinks.EmitResult result = sink.tryEmitNext(reply);
        if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
            sink.tryEmitError(new SlowSubscriberException(
                    "Subscriber fell behind; resume with Last-Event-ID " + (reply.seq() - 1) + " or lower."));
            return false;
        }
        return result.isSuccess();
    }

    void complete() {
        sink.tryEmitComplete();
    }

    void fail(RuntimeException error) {
        sink.tryEmitError(error);
    }
}
