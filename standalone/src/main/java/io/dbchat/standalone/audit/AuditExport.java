package io.dbchat.standalone.audit;

import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditRecord.SqlAttempt;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Audit records as JSON Lines (each record whole, as on the audit topic) or as CSV (one row per query with its
 * summary; the model calls and attempts are counted, and the last attempt's SQL and verdicts shown). CSV fields are
 * quoted as RFC 4180 says, as dbchat eval's report does: a dependency for one quoting rule is not worth it.
 */
final class AuditExport {

    static final String CSV_HEADER = "query_id,asked_at,principal,datasource,conversation_id,question,outcome,"
            + "translator,model,prompt_version,schema_version,llm_calls,tokens,cost_usd,attempts,sql,guard,plan_check,"
            + "row_count,latency_ms,problem,replay_of";

    private AuditExport() {
    }

    static void write(List<AuditRecord> records, String format, PrintWriter out) {
        if (format.equals("csv")) {
            out.println(CSV_HEADER);
            records.forEach(r -> out.println(csv(r)));
        } else {
            records.forEach(r -> out.println(Json.MAPPER.writeValueAsString(r)));
        }
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
                r.replayOf()).map(AuditExport::quote).toList());
    }

    private static String quote(Object value) {
        if (value == null) {
            return "";
        }
        String s = Objects.toString(value);
        return s.matches("[A-Za-z0-9_.:\\-+]*") ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
