package io.dbchat.translator.context;

import java.time.Instant;

/** Where completed turns go; recording must not block (it runs on the stream thread) and must be idempotent by query id. */
@FunctionalInterface
public interface TurnSink {

    TurnSink NONE = (conversationId, turn, askedAt) -> {
    };

    void record(String conversationId, Turn turn, Instant askedAt);
}
