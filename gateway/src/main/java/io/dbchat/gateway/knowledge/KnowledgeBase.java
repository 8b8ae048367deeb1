package io.dbchat.gateway.knowledge;

import io.dbchat.contracts.events.KnowledgeEntry;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The knowledge entries of every datasource as this instance has read them from the compacted knowledge topic, which
 * is their one owner: reads answer from the instance's copy, writes go to the topic and complete once this instance
 * has read them back (or after a bounded wait).
 */
public interface KnowledgeBase {

    /** The entries of one datasource, in no particular order. */
    List<KnowledgeEntry> entries(String datasource);

    Optional<KnowledgeEntry> find(String datasource, String id);

    Mono<Void> save(KnowledgeEntry entry);

    /** Writes the entry's tombstone. */
    Mono<Void> delete(String datasource, String id);
}
