package io.dbchat.standalone.replay;

import io.dbchat.gateway.audit.AuditRecord.Outcome;
import java.math.BigDecimal;

/**
 * What became of one recorded question when it was asked again: its kind of change, whether that counts as worse, the
 * two outcomes and SQL statements, whether the rows matched (null when they could not be compared) and why not, and
 * the differences in latency, tokens and cost (replay minus original; null when either is unknown).
 */
public record Change(
        String originalQueryId,
        String replayQueryId,
        String question,
        String principal,
        Kind kind,
        boolean worse,
        Outcome originalOutcome,
        Outcome replayOutcome,
        String originalSql,
        String replaySql,
        boolean sameSql,
        Boolean rowsMatch,
        String rowsReason,
        Long latencyDeltaMs,
        Long tokensDelta,
        BigDecimal costDeltaUsd) {

    /** The kinds of change; {@link #worse} ones count against {@code --max-regressions}. */
    public enum Kind {
        UNCHANGED(false),
        /** Other SQL, the same rows. */
        SQL_CHANGED_SAME_ROWS(false),
        /** Other SQL whose rows could not be compared (the original's rows are no longer on the results topic). */
        SQL_CHANGED(false),
        /** The same SQL gave other rows: the data changed, not the translation. */
        DATA_CHANGED(false),
        /** Other rows than the original's answer. */
        ROWS_CHANGED(true),
        /** Answered then, refused by the guard or the plan check now. */
        NOW_REFUSED(true),
        /** Answered then, failed, timed out or not translated now. */
        NOW_FAILING(true),
        /** Refused by the guard then, answered now. */
        NO_LONGER_REFUSED(false),
        /** Failed, timed out or not translated then, answered now. */
        NOW_ANSWERED(false),
        /** Not answered either time, but for another reason. */
        OUTCOME_CHANGED(false),
        /** The replay did not finish in time (or was stopped before it did). */
        NOT_FINISHED(true);

        private final boolean worse;

        Kind(boolean worse) {
            this.worse = worse;
        }

        public boolean worse() {
            return worse;
        }
    }
}
