package io.dbchat.translator.context;

import io.dbchat.contracts.serde.Json;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The completed turns of each conversation in Redis: a hash {@code dbchat:conversation:<id>:turns} of query id
 * to JSON, so recording a turn twice (a replayed reply) changes nothing. The hash expires {@code ttl} after its
 * last write and keeps the newest {@code maxTurns}. Redis being down costs the history, never the translation.
 */
public final class ConversationStore {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationStore.class);
    static final Duration READ_PAUSE = Duration.ofSeconds(30);
    /** A local Redis answers in well under a millisecond; waiting longer than this only delays the question. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(500);

    private final RedissonClient redis;
    private final Duration ttl;
    private final int maxTurns;
    private final MeterRegistry meters;
    /** After a failed read, reads are skipped for a while: the offline translator reads on the stream thread. */
    private volatile long skipReadsUntil;

    public ConversationStore(RedissonClient redis, Duration ttl, int maxTurns, MeterRegistry meters) {
        this.redis = redis;
        this.ttl = ttl;
        this.maxTurns = maxTurns;
        this.meters = meters;
    }

    /** A stored turn and when its question was asked, which orders the conversation. */
    record Stored(long at, Turn turn) {
    }

    static String key(String conversationId) {
        return "dbchat:conversation:" + conversationId + ":turns";
    }

    /**
     * The newest turns, oldest first. Blocking for at most {@link #READ_TIMEOUT}; empty (and a warning) when Redis
     * cannot be read, and then empty at once for {@link #READ_PAUSE}, so an unreachable Redis holds up no question.
     */
    public List<Turn> turns(String conversationId) {
        if (System.currentTimeMillis() < skipReadsUntil) {
            return List.of();
        }
        try {
            Map<String, String> all = map(conversationId).readAllMapAsync().toCompletableFuture()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return newest(all).stream().map(Stored::turn).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            skipReadsUntil = System.currentTimeMillis() + READ_PAUSE.toMillis();
            failed("read", conversationId, e);
            return List.of();
        }
    }

    /** Records a turn without blocking; the stage must not stop when Redis does. */
    public CompletionStage<Void> record(String conversationId, Turn turn, Instant askedAt) {
        RMap<String, String> map = map(conversationId);
        String json = Json.MAPPER.writeValueAsString(new Stored(askedAt.toEpochMilli(), turn));
        try {
            return map.fastPutAsync(turn.queryId(), json)
                    .thenCompose(added -> map.expireAsync(ttl))
                    .thenCompose(expiring -> map.readAllMapAsync())
                    .thenCompose(all -> trim(map, all))
                    .exceptionally(e -> {
                        failed("write", conversationId, e);
                        return null;
                    });
        } catch (RuntimeException e) {
            failed("write", conversationId, e);
            return CompletableFuture.completedFuture(null);
        }
    }

    private CompletionStage<Void> trim(RMap<String, String> map, Map<String, String> all) {
        if (all.size() <= maxTurns) {
            return CompletableFuture.completedFuture(null);
        }
        String[] oldest = parse(all).stream().limit(all.size() - maxTurns).map(s -> s.turn().queryId())
                .toArray(String[]::new);
        return map.fastRemoveAsync(oldest).thenApply(removed -> null);
    }

    private List<Stored> newest(Map<String, String> all) {
        List<Stored> sorted = parse(all);
        return sorted.subList(Math.max(0, sorted.size() - maxTurns), sorted.size());
    }

    private static List<Stored> parse(Map<String, String> all) {
        return all.values().stream().map(v -> Json.MAPPER.readValue(v, Stored.class))
                .sorted(Comparator.comparingLong(Stored::at)).toList();
    }

    private RMap<String, String> map(String conversationId) {
        return redis.getMap(key(conversationId), StringCodec.INSTANCE);
    }

    private void failed(String operation, String conversationId, Throwable e) {
        meters.counter("dbchat.translator.context.failures", "operation", operation).increment();
        LOG.warn("Conversation history {} failed for {}: {}", operation, conversationId, e.toString());
    }
}
