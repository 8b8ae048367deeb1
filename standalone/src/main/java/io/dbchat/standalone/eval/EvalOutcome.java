package io.dbchat.standalone.eval;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How one question fared: the SQL the pipeline proposed (null when it refused), whether it matched, why, how fast. */
public record EvalOutcome(
        String question,
        String category,
        @JsonProperty("gold_sql") String goldSql,
        @JsonProperty("generated_sql") String generatedSql,
        boolean correct,
        String reason,
        @JsonProperty("latency_ms") long latencyMs) {
}
