package io.dbchat.executor.guard;

import io.dbchat.contracts.events.SchemaSnapshot;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Remembers recent verdicts by schema version, policy scope and SQL text: the guard is a pure function of them, and
 * replays, retries and templated translations repeat the same text. Least recently used entries go first;
 * long texts and snapshots without a version are never cached.
 */
final class VerdictCache {

    static final int MAX_CACHED_LENGTH = 4_000;

    private final Map<String, GuardResult> entries;
    private final LongAdder hits = new LongAdder();

    VerdictCache(int capacity) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, GuardResult> eldest) {
                return size() > capacity;
            }
        });
    }

    GuardResult get(String sql, SchemaSnapshot schema, String policy, Supplier<GuardResult> verdict) {
        if (schema.version() == null || sql == null || sql.length() > MAX_CACHED_LENGTH) {
            return verdict.get();
        }
        String key = schema.datasource() + '\u0000' + schema.version() + '\u0000' + policy + '\u0000' + sql;
        GuardResult known = entries.get(key);
        if (known != null) {
            hits.increment();
            return known;
        }
        // computed outside the lock, so that stream threads never wait on each other's parsing
        GuardResult fresh = verdict.get();
        entries.put(key, fresh);
        return fresh;
    }

    /** How many checks were answered by a text seen before. */
    long hits() {
        return hits.sum();
    }
}
