package io.dbchat.gateway;

import io.dbchat.contracts.events.KnowledgeEntry;
import io.dbchat.gateway.knowledge.KnowledgeBase;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Mono;

/** A knowledge topic stand-in: the latest entry per key, as the compacted topic would keep it. */
public final class MemoryKnowledge implements KnowledgeBase {

    private final Map<String, KnowledgeEntry> entries = new ConcurrentHashMap<>();

    @Override
    public List<KnowledgeEntry> entries(String datasource) {
        return entries.values().stream().filter(e -> e.datasource().equals(datasource)).toList();
    }

    @Override
    public Optional<KnowledgeEntry> find(String datasource, String id) {
        return Optional.ofNullable(entries.get(KnowledgeEntry.key(datasource, id)));
    }

    @Override
    public Mono<Void> save(KnowledgeEntry entry) {
        return Mono.fromRunnable(() -> entries.put(entry.key(), entry));
    }

    @Override
    public Mono<Void> delete(String datasource, String id) {
        return Mono.fromRunnable(() -> entries.remove(KnowledgeEntry.key(datasource, id)));
    }

    public void reset() {
        entries.clear();
    }
}
