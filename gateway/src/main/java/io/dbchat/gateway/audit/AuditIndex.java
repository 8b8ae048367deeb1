package io.dbchat.gateway.audit;

import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * This instance's secondary index of the audit store: a small summary of every record, ordered by (asked at, query id)
 * overall and per principal, so a search reads only its principal's and time range's entries and fetches full records
 * for one page only. Read back from its {@link AuditIndexSnapshot} or rebuilt from the global store when the instance
 * starts, and kept current by {@link AuditStoreUpdater}; an update older than what is indexed (fewer events merged) is
 * ignored, so the rebuild and the live updates may interleave.
 */
public final class AuditIndex {

    /** What a search needs of a record. */
    public record Entry(String queryId, String principal, String datasource, Instant askedAt, Outcome outcome,
                        Long latencyMs, BigDecimal costUsd, long events) {

        static Entry of(AuditRecord r) {
            Instant at = r.askedAt() != null ? r.askedAt()
                    : r.timeline().isEmpty() ? Instant.EPOCH : r.timeline().getFirst().at();
            return new Entry(r.queryId(), r.principal(), r.datasource(), at, r.outcome(), r.latencyMs(), r.costUsd(),
                    r.events());
        }

        private Key key() {
            return new Key(askedAt, queryId);
        }
    }

    /** One page of query ids and the number of records matched in all. */
    public record Page(List<String> queryIds, long total) {
    }

    private record Key(Instant at, String queryId) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::at).thenComparing(Key::queryId);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final NavigableMap<Key, Entry> byTime = new ConcurrentSkipListMap<>();
    private final Map<String, NavigableMap<Key, Entry>> byPrincipal = new ConcurrentHashMap<>();
    private volatile boolean ready;

    void put(AuditRecord record) {
        put(Entry.of(record));
    }

    synchronized void put(Entry now) {
        Entry old = byId.get(now.queryId());
        if (old != null && old.events() > now.events()) {
            return;
        }
        if (old != null) {
            unlink(old);
        }
        byId.put(now.queryId(), now);
        byTime.put(now.key(), now);
        if (now.principal() != null) {
            byPrincipal.computeIfAbsent(now.principal(), p -> new ConcurrentSkipListMap<>()).put(now.key(), now);
        }
    }

    synchronized void remove(String queryId) {
        Entry old = byId.remove(queryId);
        if (old != null) {
            unlink(old);
        }
    }

    void ready() {
        ready = true;
    }

    /** False until the index was rebuilt from the store after a start. */
    public boolean isReady() {
        return ready;
    }

    public int size() {
        return byId.size();
    }

    /** Every entry, for {@link AuditIndexSnapshot}. */
    List<Entry> entries() {
        return List.copyOf(byId.values());
    }

    public Page search(AuditSearch s) {
        NavigableMap<Key, Entry> scope = s.principal() == null ? byTime : byPrincipal.getOrDefault(s.principal(), new ConcurrentSkipListMap<>());
        if (s.from() != null) {
            scope = scope.tailMap(new Key(s.from(), ""), true);
        }
        if (s.to() != null) {
            scope = scope.headMap(new Key(s.to(), ""), false);
        }
        Collection<Entry> range = s.sort() == AuditSearch.Sort.RECENT ? scope.descendingMap().values() : scope.values();
        var matching = range.stream()
                .filter(e -> s.datasource() == null || s.datasource().equals(e.datasource()))
                .filter(e -> s.outcome() == null || s.outcome() == e.outcome());
        List<Entry> all = switch (s.sort()) {
            case RECENT -> matching.toList();
            case SLOWEST -> matching.sorted(Comparator.comparing(Entry::latencyMs, Comparator.nullsLast(Comparator.reverseOrder()))).toList();
            case COSTLY -> matching.sorted(Comparator.comparing(Entry::costUsd, Comparator.reverseOrder())).toList();
        };
        long first = (long) s.page() * s.size();
        List<String> ids = all.stream().skip(first).limit(s.size()).map(Entry::queryId).toList();
        return new Page(ids, all.size());
    }

    private void unlink(Entry old) {
        byTime.remove(old.key());
        if (old.principal() != null) {
            NavigableMap<Key, Entry> mine = byPrincipal.get(old.principal());
            if (mine != null) {
                mine.remove(old.key());
            }
        }
    }
}
