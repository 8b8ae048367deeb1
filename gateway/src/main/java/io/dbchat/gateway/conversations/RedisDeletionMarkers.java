package io.dbchat.gateway.conversations;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Deletion markers shared through Redis (one key per conversation, {@code retention} long), so a
 * conversation deleted through one instance disappears from all. Fails open: while Redis is unavailable
 * only the deletions this instance knows apply, and a deletion is remembered locally all the same.
 */
public class RedisDeletionMarkers extends DeletionMarkers {

    private static final Logger log = LoggerFactory.getLogger(RedisDeletionMarkers.class);
    private static final String PREFIX = "dbchat:gateway:deleted-conversation:";

    private final RedissonClient redisson;
    private final Duration retention;
    private final Duration timeout;

    public RedisDeletionMarkers(RedissonClient redisson, int capacity, Duration retention, Duration timeout) {
        super(capacity);
        this.redisson = redisson;
        this.retention = retention;
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> mark(String conversationId) {
        return super.mark(conversationId)
                .then(Mono.fromCompletionStage(() -> redisson.<String>getBucket(PREFIX + conversationId, StringCodec.INSTANCE)
                        .setAsync("deleted", retention)))
                .timeout(timeout)
                .onErrorResume(e -> {
                    log.warn("Deletion of conversation {} kept on this instance only (Redis unavailable: {})",
                            conversationId, e.toString());
                    return Mono.empty();
                });
    }

    @Override
    public Mono<Set<String>> deletedAmong(Collection<String> conversationIds) {
        Set<String> known = locally(conversationIds);
        String[] unknown = conversationIds.stream().filter(id -> !known.contains(id)).map(id -> PREFIX + id)
                .toArray(String[]::new);
        if (unknown.length == 0) {
            return Mono.just(known);
        }
        return Mono.fromCompletionStage(() -> redisson.getBuckets(StringCodec.INSTANCE).<String>getAsync(unknown))
                .timeout(timeout)
                .map(found -> {
                    Set<String> ids = found.keySet().stream().map(k -> k.substring(PREFIX.length())).collect(Collectors.toSet());
                    remember(ids);
                    Set<String> all = new HashSet<>(known);
                    all.addAll(ids);
                    return all;
                })
                .onErrorResume(e -> {
                    log.debug("Deletion markers read from this instance only (Redis unavailable: {})", e.toString());
                    return Mono.just(known);
                });
    }
}
