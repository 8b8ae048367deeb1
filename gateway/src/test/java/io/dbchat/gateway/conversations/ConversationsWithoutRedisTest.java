package io.dbchat.gateway.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.conversations.ConversationClaims;
import io.dbchat.conversations.ConversationRecords;
import io.dbchat.conversations.ConversationsProperties;
import io.dbchat.conversations.RedisClients;
import io.dbchat.gateway.errors.ProblemException;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/** While Redis is away nobody is let into a conversation it cannot vouch for, but a new question is still asked. */
class ConversationsWithoutRedisTest {

    final RedissonClient nowhere = RedisClients.create("redis://127.0.0.1:1", Duration.ofMillis(200));
    final Conversations conversations = new Conversations(
            new ConversationClaims(nowhere, ConversationsProperties.defaults(), Clock.systemUTC()),
            new ConversationRecords(nowhere), Duration.ofSeconds(2));

    @AfterEach
    void close() {
        nowhere.shutdown();
    }

    @Test
    void aConversationWhoseOwnerCannotBeReadIs503NeverAccess() {
        assertThatThrownBy(() -> conversations.claim("alice", "chosen-id").block())
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThatThrownBy(() -> conversations.requireOwned("alice", "chosen-id").block())
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThatThrownBy(() -> conversations.view("alice", "chosen-id").block())
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void aNewConversationUnderAGeneratedIdIsOpenedAllTheSame() {
        assertThat(conversations.open("alice", "0b8e5c9e-generated").block()).isNull();
    }
}
