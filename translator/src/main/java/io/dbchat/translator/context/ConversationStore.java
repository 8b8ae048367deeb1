package io.dbchat.translator.context;

import io.dbchat.contracts.serde.Json;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The completed turns of each conversation in Redis: a hash {@code dbchat:conversation:<id>:turns} of query id
 * to JSON, so recording a turn twice (a replayed reply) changes nothing. The hash expires {@code ttl} after its
 * last write and keeps the newest {@code maxTurns}. Redis being down costs the history, never the translation,
 * and loses no turn: a turn that cannot be written waits in {@link PendingTurns} (follow-ups read it there) and
 * is written again every few seconds until Redis is back. The outage is logged when it starts and when it ends,
 * and the health endpoint reports it (DOWN while turns wait, and how many were ever dropped past the bound).
 */
public final class ConversationStore implements HealthIndicator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationStore.class);
    static final Duration READ_PAUSE = Duration.ofSeconds(30);
    /** A local Redis answers in well under a millisecond; waiting longer than this only delays the question. */
    static final Duration READ_TIMEOUT = Duration.ofMillis(500);
    static final int PENDING_CAPACITY = 10_000;
    static final Duration RETRY_EVERY = Duration.ofSeconds(1);

    private final RedissonClient redis;
    private final Duration ttl;
    private final int maxTurns;
    private final MeterRegistry meters;
    private final PendingTurns pending = new PendingTurns(PENDING_CAPACITY);
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("conversation-history-retry").daemon().factory());
    /** After a failed read, reads are skipped for a while: the offline translator reads on the stream thread. */
    private volatile long skipReadsUntil;

    public ConversationStore(RedissonClient redis, Duration ttl, int maxTurns, MeterRegistry meters) {
        this.redis = redis;
        this.ttl = ttl;
        this.maxTurns = maxTurns;
        this.meters = meters;
        retries.scheduleWithFixedDelay(this::retry, RETRY_EVERY.toMillis(), RETRY_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        meters.gauge("dbchat.translator.context.pending", pending, PendingTurns::size);
    }

    /** A stored turn and when its question was asked, which orders the conversation. */
    record Stored(long at, Turn turn) {
    }

    static String key(String conversationId) {
        return "dbchat:conversation:" + conversationId + ":turns";
    }

    /**
     * The newest turns, oldest first, with those still waiting to be written. Blocking for at most
     * {@link #READ_TIMEOUT}; without Redis's (and a warning) when Redis cannot be read, and then at once for
     * {@link #READ_PAUSE}, so an unreachable Redis holds up no question.
     */
    public List<Turn> turns(String conversationId) {
        List<Turn> waiting = pending.of(conversationId);
        if (System.currentTimeMillis() < skipReadsUntil) {
            return newest(List.of(), waiting);
        }
        try {
            Map<String, String> all = map(conversationId).readAllMapAsync().toCompletableFuture()
                    .get(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return newest(parse(all).stream().map(Stored::turn).toList(), waiting);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return newest(List.of(), waiting);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            skipReadsUntil = System.currentTimeMillis() + READ_PAUSE.toMillis();
            failed("read", conversationId, e);
            return newest(List.of(), waiting);
        }
    }

    /**
     * Records a turn without blocking; the stage must not stop when Redis does. Completes once the turn is
     * written, or kept for a later write.
     */
    public CompletionStage<Void> record(String conversationId, Turn turn, Instant askedAt) {
        var turnToWrite = new PendingTurns.Pending(conversationId, turn, askedAt);
        if (pending.size() > 0) {
            // Redis is away: keep the order, and spare it one more failing call
            keep(turnToWrite, null);
            return CompletableFuture.completedFuture(null);
        }
        return write(turnToWrite).exceptionally(e -> {
            keep(turnToWrite, e);
            return null;
        });
    }

    /** Completes when no turn waits to be written (at once when Redis never failed). */
    public CompletionStage<Void> caughtUp() {
        return pending.caughtUp();
    }

    private CompletionStage<Void> write(PendingTurns.Pending p) {
        RMap<String, String> map = map(p.conversationId());
        String json = Json.MAPPER.writeValueAsString(new Stored(p.askedAt().toEpochMilli(), p.turn()));
        try {
            return map.fastPutAsync(p.turn().queryId(), json)
                    .thenCompose(added -> map.expireAsync(ttl))
                    .thenCompose(expiring -> map.readAllMapAsync())
                    .thenCompose(all -> trim(map, all));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void keep(PendingTurns.Pending p, Throwable error) {
        long lostBefore = pending.lost();
        if (pending.add(p) && error != null) {
            failed("write", p.conversationId(), error);
            LOG.warn("Conversation history cannot be written to Redis; keeping up to {} turns to write when it is back",
                    PENDING_CAPACITY);
        }
        if (pending.lost() > lostBefore) {
            meters.counter("dbchat.translator.context.lost").increment();
        }
    }

    private void retry() {
        if (pending.size() == 0) {
            return;
        }
        Instant since = pending.since();
        try {
            int written = pending.drain(this::write).toCompletableFuture().get();
            if (pending.size() == 0 && written > 0) {
                LOG.info("Conversation history is written to Redis again: {} waiting turns written, {} ms after the "
                        + "first failed", written, since == null ? 0 : Duration.between(since, Instant.now()).toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.debug("Conversation history: Redis still unreachable", e);
        }
    }

    @Override
    public Health health() {
        int waiting = pending.size();
        Health.Builder health = waiting == 0 ? Health.up()
                : Health.down().withDetail("reason", "Redis cannot be written: " + waiting + " turns wait since "
                        + pending.since());
        return health.withDetail("lostTurns", pending.lost()).build();
    }

    @Override
    public void close() {
        retries.shutdownNow();
        if (pending.size() > 0) {
            LOG.warn("Stopping with {} conversation turns not written to Redis", pending.size());
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

    private List<Turn> newest(List<Turn> stored, List<Turn> waiting) {
        List<Turn> all = new ArrayList<>(stored);
        waiting.stream().filter(t -> stored.stream().noneMatch(s -> s.queryId().equals(t.queryId()))).forEach(all::add);
        return all.subList(Math.max(0, all.size() - maxTurns), all.size());
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
