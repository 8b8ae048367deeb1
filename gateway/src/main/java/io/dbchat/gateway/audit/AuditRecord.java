package io.dbchat.gateway.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.events.SqlSource;
import io.dbchat.contracts.events.TranslatorInfo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Everything the topics say about one query, materialised by {@link AuditTopology} onto the compacted audit topic:
 * who asked what of which datasource, which translator answered with which schema version, every model call, every
 * SQL attempt with the checks' verdicts and how it ran, the answer, and a timeline of record timestamps.
 * {@code outcome} is null while the query is unfinished. {@code events} counts the records merged into it.
 */
public record AuditRecord(
        int v,
        String queryId,
        String conversationId,
        String principal,
        String datasource,
        String question,
        Instant askedAt,
        String replayOf,
        String schemaVersion,
        TranslatorInfo translator,
        List<LlmCall> llmCalls,
        List<SqlAttempt> attempts,
        Answer answer,
        Outcome outcome,
        List<Step> timeline,
        Instant finishedAt,
        long events) {

    public static final int VERSION = 1;

    public AuditRecord {
        llmCalls = llmCalls == null ? List.of() : List.copyOf(llmCalls);
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        timeline = timeline == null ? List.of() : List.copyOf(timeline);
    }

    static AuditRecord empty(String queryId) {
        return new AuditRecord(VERSION, queryId, null, null, null, null, null, null, null, null,
                List.of(), List.of(), null, null, List.of(), null, 0);
    }

    /** How a query ended. */
    public enum Outcome { ANSWERED, REFUSED, FAILED, TIMED_OUT, UNTRANSLATABLE }

    /** One model call, as the translator recorded it, with the attempt it served (0: the translator gave up). */
    public record LlmCall(int attempt, LlmInteraction call) {
    }

    /**
     * One SQL attempt. {@code guard} is {@code passed}, {@code refused} or null when the attempt never reached it;
     * {@code planCheck} is {@code passed}, {@code refused} or {@code skipped} as the executor reported it, with
     * {@code plan} saying why it was skipped or refused and what the planner estimated (events written before the
     * executor reported it leave {@code plan} null and {@code planCheck} inferred: {@code refused}, or
     * {@code not_refused} once the statement ran). {@code bytes} is the size of the rows the result carried, as JSON.
     * {@code policies} names the access policies the executor applied to the statement that ran (row filters as
     * {@code rows:<table>}, column rules as {@code columns:<table>}); empty when none did. {@code source} is where the
     * SQL came from (a model, the offline rules, an example, the cache, a person), null when its proposal did not say.
     */
    public record SqlAttempt(
            int attempt,
            String sql,
            long translationMs,
            String guard,
            String planCheck,
            Long rowCount,
            Boolean truncated,
            Long bytes,
            Long execMs,
            String sqlState,
            Problem error,
            List<String> policies,
            PlanVerdict plan,
            SqlSource source) {

        public SqlAttempt {
            policies = policies == null ? List.of() : List.copyOf(policies);
        }

        /** Without the plan check's report and the SQL's source, as records were before them. */
        public SqlAttempt(int attempt, String sql, long translationMs, String guard, String planCheck, Long rowCount,
                          Boolean truncated, Long bytes, Long execMs, String sqlState, Problem error,
                          List<String> policies) {
            this(attempt, sql, translationMs, guard, planCheck, rowCount, truncated, bytes, execMs, sqlState, error,
                    policies, null, null);
        }
    }

    /** The reply in words, how many rows it had, and the problem when it had none. */
    public record Answer(String reply, String sql, Long rowCount, Problem problem) {
    }

    /** When a stage took or finished the query: {@code what} is such as "asked", "sql #1", "validating #1", "answer". */
    public record Step(String stage, String what, Instant at) {
    }

    /** Tokens in and out over all model calls. */
    @JsonProperty("tokens")
    public long tokens() {
        return llmCalls.stream().mapToLong(c -> c.call().inputTokens() + c.call().outputTokens()).sum();
    }

    /** The estimated cost in US dollars of all model calls. */
    @JsonProperty("costUsd")
    public BigDecimal costUsd() {
        return llmCalls.stream().map(c -> c.call().costUsd()).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** From asking to the answer, or null while unfinished. */
    @JsonProperty("latencyMs")
    public Long latencyMs() {
        return askedAt == null || finishedAt == null ? null : Duration.between(askedAt, finishedAt).toMillis();
    }
}
