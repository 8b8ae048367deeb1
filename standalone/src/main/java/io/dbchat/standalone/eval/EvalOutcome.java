package io.dbchat.standalone.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one question fared: the SQL the pipeline proposed (null when it refused), whether it matched, why, how fast,
 * and the {@link Verdict}: right, an honest refusal (no SQL, or an answer that said what it did not understand), or
 * confidently wrong. {@code caveat} is what the answer said it assumed or ignored, or null.
 */
public record EvalOutcome(
        String question,
        String category,
        @JsonProperty("gold_sql") String goldSql,
        @JsonProperty("generated_sql") String generatedSql,
        boolean correct,
        String reason,
        @JsonProperty("latency_ms") long latencyMs,
        Verdict verdict,
        String caveat) {

    public enum Verdict {
        /** The result matched the gold's, or a question that cannot be answered was refused. */
        CORRECT,
        /** No SQL, with a reason; the person knows they have no answer. */
        REFUSED,
        /** SQL whose result differs from the gold's, but the answer said which words it did not understand. */
        HEDGED,
        /** SQL whose result differs from the gold's (or that failed), presented as an answer. */
        WRONG;

        /** Refused or hedged: the person was told the question was not (fully) understood. */
        public boolean honest() {
            return this == REFUSED || this == HEDGED;
        }
    }

    public EvalOutcome {
        if (verdict == null) {
            verdict = correct ? Verdict.CORRECT : generatedSql == null ? Verdict.REFUSED : Verdict.WRONG;
        }
    }

    /** An outcome judged by its SQL alone: right, refused when there is none, else wrong. */
    public EvalOutcome(String question, String category, String goldSql, String generatedSql, boolean correct,
                       String reason, long latencyMs) {
        this(question, category, goldSql, generatedSql, correct, reason, latencyMs, null, null);
    }
}
