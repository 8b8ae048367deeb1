package io.dbchat.translator.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.RedisClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** An unreachable Redis costs a follow-up its history, never the translation, and holds no question up. */
class ConversationHistoryTest {

    final RedissonClient nowhere = RedisClients.create("redis://127.0.0.1:1", Duration.ofMillis(200));
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final ConversationHistory history = new ConversationHistory(new ConversationRecords(nowhere), 10, meters);

    @AfterEach
    void close() {
        nowhere.shutdown();
    }

    @Test
    void withoutRedisAQuestionHasNoHistoryAndTheNextDoesNotWaitForIt() {
        assertThat(history.turns("c-1")).isEmpty();
        assertThat(history.health().getStatus().getCode()).isEqualTo("DOWN");
        assertThat(meters.counter("dbchat.translator.context.failures", "operation", "read").count()).isEqualTo(1);

        assertThat(history.turns("c-1")).isEmpty();
        // skipped for a while, not tried again
        assertThat(meters.counter("dbchat.translator.context.failures", "operation", "read").count()).isEqualTo(1);
    }
}
