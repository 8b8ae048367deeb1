package io.dbchat.standalone.audit;

import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditRecord.SqlAttempt;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Audit records as JSON Lines (each record whole, as on the audit topic) or as CSV (one row per query with its
 * summary; the model calls and attempts are counted, and the last attempt's SQL, verdicts and source shown). CSV fields
 * are quoted as RFC 4180 says, as dbchat eval's report does: a dependency for one quoting rule is not worth it.
 *
 * <p>The export streams: the audit topic holds several versions of a query's record until compaction (each update of
 * the record is written), so a first reading remembers, per query whose newest version is wanted, only that version's
 * offset, and a second writes each of those versions as it reads it. Memory is one small entry per exported query,
 * never the records; they come out in the topic's order (by partition, then as written).
 */
final class AuditExport {

    static final String CSV_HEADER = "query_id,asked_at,principal,datasource,conversation_id,question,outcome,"
            + "translator,model,prompt_version,schema_version,llm_calls,tokens,cost_usd,attempts,sql,guard,plan_check,"
            + "row_count,latency_ms,problem,replay_of,sql_source,plan_check_reason";

    /** One version of a record on the audit topic: its query id, its offset in its partition, the record. */
    record Version(String queryId, long offset, AuditRecord record) {
    }

    /** A reading of the whole audit topic, calling back with each version in order; it may be done again. */
    interface Source {
        void read(Consumer<Version> each);
    }

    private final String format;
    private final PrintWriter out;

    /** An export in {@code format} (jsonl or csv) to {@code out}; CSV starts with its header. */
    AuditExport(String format, PrintWriter out) {
        this.format = format;
        this.out = out;
        if (format.equals("csv")) {
            out.println(CSV_HEADER);
        }
    }

    /** Writes the newest version of every query whose newest version is {@code wanted}; returns how many. */
    static long stream(Source source, Predicate<AuditRecord> wanted, Consumer<AuditRecord> write) {
        Map<String, Long> newest = new HashMap<>();
        source.read(v -> {
            if (wanted.test(v.record())) {
                newest.put(v.queryId(), v.offset());
            } else {
                newest.remove(v.queryId());
            }
        });
        long[] written = {0};
        source.read(v -> {
            Long offset = newest.get(v.queryId());
            if (offset != null && offset == v.offset()) {
                write.accept(v.record());
                written[0]++;
            }
        });
        return written[0];
    }

    void write(AuditRecord r) {
        out.println(format.equals("csv") ? csv(r) : Json.MAPPER.writeValueAsString(r));
    }

    void flush() {
        out.flush();
    }

    static String csv(AuditRecord r) {
        SqlAttempt last = r.attempts().isEmpty() ? null : r.attempts().getLast();
        var t = r.translator();
        return String.join(",", Stream.of(r.queryId(), r.askedAt(), r.principal(), r.datasource(), r.conversationId(),
                r.question(), r.outcome() == null ? null : r.outcome().name().toLowerCase(Locale.ROOT),
                t == null ? null : t.provider(), t == null ? null : t.model(), t == null ? null : t.promptVersion(),
                r.schemaVersion(), r.llmCalls().size(), r.tokens(), r.costUsd().toPlainString(), r.attempts().size(),
                last == null ? null : last.sql(), last == null ? null : last.guard(),
                last == null ? null : last.planCheck(), r.answer() == null ? null : r.answer().rowCount(),
                r.latencyMs(), r.answer() == null || r.answer().problem() == null ? null : r.answer().problem().code(),
                r.replayOf(), last == null || last.source() == null ? null : last.source().kind(),
                last == null || last.plan() == null ? null : last.plan().reason()).map(AuditExport::quote).toList());
    }

    private static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String s = Objects.toString(value);
        return s.matches("[A-Za-z0-9_.:\\-+]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
