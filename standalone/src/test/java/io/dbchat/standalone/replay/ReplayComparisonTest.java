package io.dbchat.standalone.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbchat.contracts.errors.Problem;
import io.dbchat.eval.ResultComparator;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.gateway.audit.AuditRecord;
import io.dbchat.gateway.audit.AuditRecord.Outcome;
import io.dbchat.standalone.replay.Change.Kind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each kind of change a replay reports, and when the share of worse results fails the run. */
class ReplayComparisonTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final ResultComparator.Result FIVE = rows(5);

    @Test
    void tellsTheKindsOfChangeApart() {
        assertThat(kind(answered("SELECT count(*) FROM t", FIVE), answered("SELECT count(*)  FROM t;", FIVE))).isEqualTo(Kind.UNCHANGED);
        assertThat(kind(answered("SELECT count(*) FROM t", FIVE), answered("SELECT count(id) FROM t", FIVE))).isEqualTo(Kind.SQL_CHANGED_SAME_ROWS);
        assertThat(kind(answered("SELECT count(*) FROM t", FIVE), answered("SELECT count(id) FROM t", rows(4)))).isEqualTo(Kind.ROWS_CHANGED);
        assertThat(kind(answered("SELECT count(*) FROM t", FIVE), answered("SELECT count(*) FROM t", rows(4)))).isEqualTo(Kind.DATA_CHANGED);
        assertThat(kind(answered("SELECT a FROM t", null), answered("SELECT b FROM t", FIVE))).isEqualTo(Kind.SQL_CHANGED);
        assertThat(kind(answered("SELECT 1", FIVE), ended(Outcome.REFUSED))).isEqualTo(Kind.NOW_REFUSED);
        assertThat(kind(answered("SELECT 1", FIVE), ended(Outcome.TIMED_OUT))).isEqualTo(Kind.NOW_FAILING);
        assertThat(kind(ended(Outcome.REFUSED), answered("SELECT 1", FIVE))).isEqualTo(Kind.NO_LONGER_REFUSED);
        assertThat(kind(ended(Outcome.UNTRANSLATABLE), answered("SELECT 1", FIVE))).isEqualTo(Kind.NOW_ANSWERED);
        assertThat(kind(ended(Outcome.UNTRANSLATABLE), ended(Outcome.REFUSED))).isEqualTo(Kind.OUTCOME_CHANGED);
        assertThat(kind(ended(Outcome.FAILED), ended(Outcome.FAILED))).isEqualTo(Kind.UNCHANGED);
        assertThat(kind(answered("SELECT 1", FIVE), null)).isEqualTo(Kind.NOT_FINISHED);
    }

    @Test
    void measuresLatencyTokensAndCostAgainstTheOriginal() {
        Change c = ReplayComparison.compare(original(answered("SELECT 1", FIVE)), "r1",
                withCall(answered("SELECT 1", FIVE), 300, "0.5", Duration.ofMillis(700)), FIVE);

        assertThat(c.latencyDeltaMs()).isEqualTo(-300);
        assertThat(c.tokensDelta()).isEqualTo(300);
        assertThat(c.costDeltaUsd()).isEqualByComparingTo("0.5");
    }

    @Test
    void failsTheRunWhenMoreThanTheAllowedShareGotWorse() {
        var options = new ReplayOptions(T0, T0.plusSeconds(60), null, null, null, null, null, null, 0.25, 10, 100,
                Duration.ofSeconds(10), "x:9092", "dbchat.");
        var selection = new Originals.Selection(List.of(), 0, 0);
        List<Change> oneOfFour = List.of(change(Kind.ROWS_CHANGED), change(Kind.UNCHANGED), change(Kind.UNCHANGED),
                change(Kind.SQL_CHANGED_SAME_ROWS));
        List<Change> twoOfFour = List.of(change(Kind.ROWS_CHANGED), change(Kind.NOW_REFUSED), change(Kind.UNCHANGED),
                change(Kind.UNCHANGED));

        ReplayReport within = ReplayReport.of("run", options, selection, false, oneOfFour);
        ReplayReport beyond = ReplayReport.of("run", options, selection, false, twoOfFour);

        assertThat(within.withinRegressions()).isTrue();
        assertThat(within.counts()).containsEntry(Kind.UNCHANGED, 2).containsEntry(Kind.ROWS_CHANGED, 1);
        assertThat(within.summary()).contains("rows_changed").contains("Q-ROWS_CHANGED").doesNotContain("Q-UNCHANGED");
        assertThat(beyond.withinRegressions()).isFalse();
        assertThat(beyond.summary()).contains("TOO MANY");
    }

    @Test
    void refusesToReplayAReplaysNamespace() {
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--from", T0.toString(), "--to",
                T0.plusSeconds(1).toString(), "--topic-prefix", "dbchat.replay-1234abcd."}, Map.of()))
                .hasMessageContaining("a replay of a replay is refused");
        assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--from", T0.toString()}, Map.of()))
                .hasMessageContaining("--to");
        assertThat(ReplayOptions.parse(new String[] {"--from", T0.toString(), "--to", T0.plusSeconds(1).toString(),
                "--report", "r.json"}, Map.of("DBCHAT_KAFKA_BOOTSTRAP_SERVERS", "b:1")))
                .satisfies(o -> {
                    assertThat(o.bootstrapServers()).isEqualTo("b:1");
                    assertThat(o.report()).isEqualTo(Path.of("r.json"));
                });
    }

    private static Kind kind(AuditRecord before, AuditRecord now) {
        ResultComparator.Result rows = now == null ? null : RESULTS.get(now);
        return ReplayComparison.compare(original(before), "r", now, rows).kind();
    }

    private static final Map<AuditRecord, ResultComparator.Result> RESULTS = new java.util.IdentityHashMap<>();

    private static Originals.Original original(AuditRecord r) {
        return new Originals.Original(r, List.of(), RESULTS.get(r));
    }

    private static AuditRecord answered(String sql, ResultComparator.Result rows) {
        AuditRecord r = record(Outcome.ANSWERED, new AuditRecord.Answer("ok", sql, 1L, null), Duration.ofSeconds(1), List.of());
        if (rows != null) {
            RESULTS.put(r, rows);
        }
        return r;
    }

    private static AuditRecord ended(Outcome outcome) {
        return record(outcome, new AuditRecord.Answer("no", null, null, new Problem("x", "y")), Duration.ofSeconds(1), List.of());
    }

    private static AuditRecord withCall(AuditRecord r, long tokens, String cost, Duration latency) {
        var call = new LlmInteraction("openai", "m", "v1", tokens, 0, new BigDecimal(cost), 10, "ok", null);
        return record(r.outcome(), r.answer(), latency, List.of(new AuditRecord.LlmCall(1, call)));
    }

    private static AuditRecord record(Outcome outcome, AuditRecord.Answer answer, Duration latency,
                                      List<AuditRecord.LlmCall> calls) {
        return new AuditRecord(AuditRecord.VERSION, "q", "c", "alice", "default", "How many?", T0, null, "v1", null,
                calls, List.of(), answer, outcome, List.of(), T0.plus(latency), 5);
    }

    private static ResultComparator.Result rows(int n) {
        return new ResultComparator.Result(List.of("n"), List.of(List.of(n)));
    }

    private static Change change(Kind kind) {
        return new Change("o", "r", "Q-" + kind, "alice", kind, kind.worse(), Outcome.ANSWERED, Outcome.ANSWERED,
                "SELECT 1", "SELECT 1", true, true, null, 0L, 0L, BigDecimal.ZERO);
    }
}
