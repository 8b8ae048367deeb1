package io.dbchat.standalone.replay;

import io.dbchat.eval.ResultComparator;
import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditRecord.Outcome;
import io.dbchat.standalone.replay.Change.Kind;

/**
 * Compares a replayed query with its original: the outcome, the SQL (whitespace and a trailing semicolon aside) and,
 * when both answered, the rows as {@code dbchat eval} compares them ({@link ResultComparator}, ordered when the
 * original SQL orders).
 */
final class ReplayComparison {

    private ReplayComparison() {
    }

    static Change compare(Originals.Original original, String replayQueryId, AuditRecord replay,
                          ResultComparator.Result replayRows) {
        AuditRecord o = original.record();
        boolean finished = replay != null && replay.outcome() != null && replay.finishedAt() != null;
        String oldSql = sql(o);
        String newSql = replay == null ? null : sql(replay);
        boolean sameSql = normal(oldSql).equals(normal(newSql));
        ResultComparator.Verdict rows = null;
        if (finished && o.outcome() == Outcome.ANSWERED && replay.outcome() == Outcome.ANSWERED
                && original.rows() != null && replayRows != null) {
            rows = ResultComparator.compare(original.rows(), replayRows, ResultComparator.ordersRows(oldSql));
        }
        Kind kind = finished ? kind(o.outcome(), replay.outcome(), sameSql, rows) : Kind.NOT_FINISHED;
        return new Change(o.queryId(), replayQueryId, o.question(), o.principal(), kind, kind.worse(), o.outcome(),
                replay == null ? null : replay.outcome(), oldSql, newSql, sameSql,
                rows == null ? null : rows.match(), rows == null || rows.match() ? null : rows.reason(),
                finished && o.latencyMs() != null ? replay.latencyMs() - o.latencyMs() : null,
                finished ? replay.tokens() - o.tokens() : null,
                finished ? replay.costUsd().subtract(o.costUsd()) : null);
    }

    static Kind kind(Outcome before, Outcome now, boolean sameSql, ResultComparator.Verdict rows) {
        if (before == Outcome.ANSWERED && now == Outcome.ANSWERED) {
            if (rows == null) {
                return sameSql ? Kind.UNCHANGED : Kind.SQL_CHANGED;
            }
            if (rows.match()) {
                return sameSql ? Kind.UNCHANGED : Kind.SQL_CHANGED_SAME_ROWS;
            }
            return sameSql ? Kind.DATA_CHANGED : Kind.ROWS_CHANGED;
        }
        if (before == Outcome.ANSWERED) {
            return now == Outcome.REFUSED ? Kind.NOW_REFUSED : Kind.NOW_FAILING;
        }
        if (now == Outcome.ANSWERED) {
            return before == Outcome.REFUSED ? Kind.NO_LONGER_REFUSED : Kind.NOW_ANSWERED;
        }
        return before == now ? Kind.UNCHANGED : Kind.OUTCOME_CHANGED;
    }

    /** The SQL that answered, or the last one tried. */
    static String sql(AuditRecord r) {
        if (r.answer() != null && r.answer().sql() != null) {
            return r.answer().sql();
        }
        return r.attempts().isEmpty() ? null : r.attempts().getLast().sql();
    }

    private static String normal(String sql) {
        if (sql == null) {
            return "";
        }
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.endsWith(";") ? s.substring(0, s.length() - 1).strip() : s;
    }
}
