package io.dbchat.gateway.conversations;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import reactor.core.publisher.Mono;

/**
 * Deleted conversations, remembered on this instance (at most {@code capacity}, oldest forgotten first).
 * {@link RedisDeletionMarkers} shares them with the other instances.
 */
public class DeletionMarkers {

    private final Set<String> deleted;

    public DeletionMarkers(int capacity) {
        this.deleted = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        }));
    }

    public Mono<Void> mark(String conversationId) {
        deleted.add(conversationId);
        return Mono.empty();
    }

    /** Which of the given conversations are deleted. */
    public Mono<Set<String>> deletedAmong(Collection<String> conversationIds) {
        return Mono.just(locally(conversationIds));
    }

    protected Set<String> locally(Collection<String> conversationIds) {
        return conversationIds.stream().filter(deleted::contains).collect(Collectors.toSet());
    }

    protected void remember(Collection<String> conversationIds) {
        deleted.addAll(conversationIds);
    }
}
