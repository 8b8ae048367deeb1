package io.dbchat.translator.context;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.boot.health.contributor.Status;
import redis.embedded.RedisServer;

/** Redis stopped while turns are recorded and started again: no turn is lost, and the outage shows meanwhile. */
class HistoryOutageIntegrationTest {

    private final int port = freePort();
    private RedisServer redis = startRedis();
    private final RedissonClient client = RedisClients.create("redis://127.0.0.1:" + port);
    private final ConversationStore store = new ConversationStore(client, Duration.ofHours(1), 10, new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        store.close();
        client.shutdown();
        redis.stop();
    }

    @Test
    void turnsRecordedWhileRedisIsDownAreWrittenWhenItIsBackAndReadMeanwhile() throws Exception {
        store.record("conv-1", new Turn("q-1", "How many teams?", "SELECT count(*) FROM teams", "12 teams."),
                Instant.ofEpochMilli(1)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        redis.stop();
        store.record("conv-1", new Turn("q-2", "And projects?", "SELECT count(*) FROM projects", "40 projects."),
                Instant.ofEpochMilli(2)).toCompletableFuture().get(30, TimeUnit.SECONDS);
        store.record("conv-2", new Turn("q-3", "Which clients?", "SELECT name FROM clients", "Here are 8 clients."),
                Instant.ofEpochMilli(3)).toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(store.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(store.health().getDetails().get("reason")).asString().contains("2 turns wait");
        assertThat(store.turns("conv-1")).extracting(Turn::queryId).contains("q-2");
        assertThat(store.caughtUp()).isNotDone();

        redis = startRedis();
        store.caughtUp().toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertThat(store.health().getStatus()).isEqualTo(Status.UP);
        assertThat(store.health().getDetails()).containsEntry("lostTurns", 0L);
        var fresh = new ConversationStore(client, Duration.ofHours(1), 10, new SimpleMeterRegistry());
        try {
            // this Redis keeps nothing across a restart: q-1 went with it; what was recorded during the outage is there
            assertThat(fresh.turns("conv-1")).extracting(Turn::queryId).containsExactly("q-2");
            assertThat(fresh.turns("conv-2")).extracting(Turn::queryId).containsExactly("q-3");
        } finally {
            fresh.close();
        }
    }

    private RedisServer startRedis() {
        RedisServer server = RedisServer.builder().port(port).setting("bind 127.0.0.1").build();
        server.start();
        return server;
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
