package io.dbchat.gateway.audit;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.FinalAnswer;
import io.dbchat.contracts.events.LlmInteraction;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.QuestionAsked;
import io.dbchat.contracts.events.ReplyEvent;
import io.dbchat.contracts.events.ReplySeq;
import io.dbchat.contracts.events.ReplyType;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.contracts.serde.Json;
import io.dbchat.gateway.audit.AuditRecord.Answer;
import io.dbchat.gateway.audit.AuditRecord.LlmCall;
import io.dbchat.gateway.audit.AuditRecord.Outcome;
import io.dbchat.gateway.audit.AuditRecord.SqlAttempt;
import io.dbchat.gateway.audit.AuditRecord.Step;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Merges one topic record into its query's audit record. Each event updates its own part (attempts by number, model
 * calls by attempt, timeline steps by name keeping the earliest time), so a record read twice changes nothing and the
 * order in which the topics' records arrive matters only for a rejection that names no attempt (it goes to the
 * attempt of the same SQL seen so far).
 */
public final class AuditFold {

    static final String PASSED = "passed";
    static final String REFUSED = "refused";
    static final String NOT_REFUSED = "not_refused";
    private static final Set<String> PLAN_CODES = Set.of("sql.plan_refused", "sql.too_expensive");

    private AuditFold() {
    }

    public static AuditRecord apply(AuditRecord record, AuditEvent event) {
        AuditRecord r = record == null ? AuditRecord.empty(event.queryId()) : record;
        if (event.question() != null) {
            r = asked(r, event.question(), event.at());
        } else if (event.sql() != null) {
            r = proposed(r, event.sql(), event.at());
        } else if (event.failure() != null) {
            r = failed(r, event.failure(), event.at());
        } else if (event.result() instanceof QueryAnswered a) {
            r = answered(r, a, event.rowBytes(), event.at());
        } else if (event.result() instanceof QueryRejected j) {
            r = rejected(r, j, event.at());
        } else if (event.reply() != null) {
            r = replied(r, event.reply(), event.at());
        }
        return with(r, r.events() + 1);
    }

    /** The outcome a problem stands for; null is an answer. */
    public static Outcome outcome(Problem problem) {
        if (problem == null) {
            return Outcome.ANSWERED;
        }
        String code = problem.code() == null ? "" : problem.code();
        if (code.equals(ErrorCode.UNTRANSLATABLE.code())) {
            return Outcome.UNTRANSLATABLE;
        }
        if (code.equals(ErrorCode.TIMEOUT.code()) || code.equals(ErrorCode.QUERY_TIMEOUT.code())) {
            return Outcome.TIMED_OUT;
        }
        if (code.startsWith("sql.") || code.equals(ErrorCode.SQL_REJECTED.code())) {
            return Outcome.REFUSED;
        }
        return Outcome.FAILED;
    }

    private static AuditRecord asked(AuditRecord r, QuestionAsked q, Instant at) {
        return withStep(question(r, q), new Step("gateway", "asked", at));
    }

    private static AuditRecord question(AuditRecord r, QuestionAsked q) {
        if (r.question() != null || q == null) {
            return r;
        }
        return new AuditRecord(r.v(), r.queryId(), q.conversationId(), q.principal(), q.datasource(), q.question(),
                q.askedAt(), q.replayOf(), r.schemaVersion(), r.translator(), r.llmCalls(), r.attempts(), r.answer(),
                r.outcome(), r.timeline(), r.finishedAt(), r.events());
    }

    private static AuditRecord proposed(AuditRecord r, SqlProposed p, Instant at) {
        r = question(r, p.question());
        r = new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                r.askedAt(), r.replayOf(), p.schemaVersion() == null ? r.schemaVersion() : p.schemaVersion(),
                p.translator() == null ? r.translator() : p.translator(), calls(r.llmCalls(), p.attempt(), p.interactions()),
                r.attempts(), r.answer(), r.outcome(), r.timeline(), r.finishedAt(), r.events());
        SqlAttempt old = attempt(r, p.attempt());
        SqlAttempt now = old == null
                ? new SqlAttempt(p.attempt(), p.sql(), p.latencyMs(), null, null, null, null, null, null, null, null, null,
                        null, p.source())
                : new SqlAttempt(p.attempt(), p.sql(), p.latencyMs(), old.guard(), old.planCheck(), old.rowCount(),
                        old.truncated(), old.bytes(), old.execMs(), old.sqlState(), old.error(), old.policies(),
                        old.plan(), p.source() != null ? p.source() : old.source());
        return withStep(withAttempt(r, now), new Step("translator", "sql #" + p.attempt(), at));
    }

    private static AuditRecord failed(AuditRecord r, SqlFailed f, Instant at) {
        int n = f.proposal().attempt();
        SqlAttempt base = base(r, n, f.proposal().sql());
        if (f.fromGuard()) {
            // the guard refused a name the model may have misspelt, and the translator may try again
            return withStep(withAttempt(proposedIfNew(r, f.proposal()), verdict(base, f.refusal(), f.planCheck())),
                    new Step("executor", "refused #" + n, at));
        }
        SqlAttempt now = new SqlAttempt(n, base.sql(), base.translationMs(), PASSED, status(f.planCheck(), null), null,
                null, null, null, f.sqlState(), new Problem(f.errorClass(), f.message()), base.policies(),
                f.planCheck(), base.source());
        return withStep(withAttempt(proposedIfNew(r, f.proposal()), now), new Step("executor", "sql failed #" + n, at));
    }

    private static AuditRecord answered(AuditRecord r, QueryAnswered a, Long rowBytes, Instant at) {
        int n = a.proposal().attempt();
        SqlAttempt base = base(r, n, a.proposal().sql());
        long bytes = rowBytes != null ? rowBytes : Json.MAPPER.writeValueAsBytes(a.rows()).length;
        SqlAttempt now = new SqlAttempt(n, base.sql(), base.translationMs(), PASSED, status(a.planCheck(), NOT_REFUSED),
                a.rowCount(), a.truncated(), bytes, a.execMs(), null, null, a.policies(), a.planCheck(), base.source());
        r = withOutcome(withAttempt(proposedIfNew(r, a.proposal()), now), Outcome.ANSWERED);
        return withStep(r, new Step("executor", "rows #" + n, at));
    }

    private static AuditRecord rejected(AuditRecord r, QueryRejected j, Instant at) {
        r = question(r, j.question());
        if (j.translator() != null && r.translator() == null) {
            r = new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                    r.askedAt(), r.replayOf(), r.schemaVersion(), j.translator(), r.llmCalls(), r.attempts(), r.answer(),
                    r.outcome(), r.timeline(), r.finishedAt(), r.events());
        }
        if (!j.interactions().isEmpty()) {
            r = new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                    r.askedAt(), r.replayOf(), r.schemaVersion(), r.translator(), calls(r.llmCalls(), 0, j.interactions()),
                    r.attempts(), r.answer(), r.outcome(), r.timeline(), r.finishedAt(), r.events());
        }
        if (j.sql() != null) {
            r = withAttempt(r, verdict(base(r, attemptOf(r, j.sql()), j.sql()), j.problem(), j.planCheck()));
        }
        r = withOutcome(r, outcome(j.problem()));
        return withStep(r, new Step(j.sql() == null ? "translator" : "results", "rejected", at));
    }

    /** The plan check's status as the executor reported it, or {@code inferred} for events written before it did. */
    private static String status(PlanVerdict reported, String inferred) {
        return reported == null ? inferred : reported.status();
    }

    /**
     * What a rejection of an attempt's SQL says of the two checks: the guard's verdict inferred from the problem, the
     * plan check's as the executor reported it ({@code plan}) or, without a report, inferred too.
     */
    private static SqlAttempt verdict(SqlAttempt a, Problem problem, PlanVerdict plan) {
        String code = problem == null || problem.code() == null ? "" : problem.code();
        String guard;
        String inferred;
        if (PLAN_CODES.contains(code)) {
            guard = PASSED;
            inferred = REFUSED;
        } else if (code.startsWith("sql.")) {
            guard = REFUSED;
            inferred = null;
        } else if (code.equals(ErrorCode.SQL_FAILED.code()) && a.error() != null) {
            // the translator gave up after the database failed this attempt: the failure is already recorded
            return a;
        } else if (code.equals(ErrorCode.NO_SCHEMA.code()) || code.equals("unknown_datasource")
                || code.equals(ErrorCode.INVALID_REQUEST.code())) {
            guard = null;
            inferred = null;
        } else {
            // the statement reached the database (a timeout, a refused access, a failure for good)
            guard = PASSED;
            inferred = NOT_REFUSED;
        }
        return new SqlAttempt(a.attempt(), a.sql(), a.translationMs(), guard, status(plan, inferred), a.rowCount(),
                a.truncated(), a.bytes(), a.execMs(), a.sqlState(), problem, a.policies(), plan != null ? plan : a.plan(),
                a.source());
    }

    private static AuditRecord replied(AuditRecord r, ReplyEvent e, Instant at) {
        if (e.type() == ReplyType.STATUS) {
            return withStep(r, status(e, at));
        }
        if (e.type() != ReplyType.FINAL && e.type() != ReplyType.ERROR) {
            return r;
        }
        FinalAnswer f = e.answer();
        Problem problem = f != null ? f.problem() : e.error();
        Answer answer = f != null ? new Answer(f.reply(), f.sql(), f.problem() == null ? f.rowCount() : null, problem)
                : new Answer(null, null, null, problem);
        Outcome outcome = r.outcome() != null ? r.outcome() : outcome(problem);
        Instant finished = r.finishedAt() == null || at.isBefore(r.finishedAt()) ? at : r.finishedAt();
        r = new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                r.askedAt(), r.replayOf(), r.schemaVersion(), r.translator(), r.llmCalls(), r.attempts(), answer,
                outcome, r.timeline(), finished, r.events());
        return withStep(r, new Step("interpreter", e.type() == ReplyType.FINAL ? "answer" : "error", at));
    }

    private static Step status(ReplyEvent e, Instant at) {
        if (e.seq() >= ReplySeq.INTERPRETER_BASE) {
            return new Step("interpreter", e.stage(), at);
        }
        long attempt = e.seq() / 10;
        String stage = e.seq() % 10 == 1 ? "translator" : "executor";
        return new Step(stage, e.stage() + " #" + attempt, at);
    }

    private static int attemptOf(AuditRecord r, String sql) {
        int same = -1;
        int max = 0;
        for (SqlAttempt a : r.attempts()) {
            max = Math.max(max, a.attempt());
            if (sql.equals(a.sql())) {
                same = Math.max(same, a.attempt());
            }
        }
        return same > 0 ? same : max + 1;
    }

    private static SqlAttempt base(AuditRecord r, int n, String sql) {
        SqlAttempt a = attempt(r, n);
        return a != null ? a : new SqlAttempt(n, sql, 0, null, null, null, null, null, null, null, null, null);
    }

    /** A result or failure read before its proposal still names the translator and model calls the proposal had. */
    private static AuditRecord proposedIfNew(AuditRecord r, SqlProposed p) {
        return attempt(r, p.attempt()) == null ? proposed(r, p, null) : r;
    }

    private static SqlAttempt attempt(AuditRecord r, int n) {
        return r.attempts().stream().filter(a -> a.attempt() == n).findFirst().orElse(null);
    }

    private static AuditRecord withAttempt(AuditRecord r, SqlAttempt now) {
        List<SqlAttempt> attempts = new ArrayList<>(r.attempts().stream().filter(a -> a.attempt() != now.attempt()).toList());
        attempts.add(now);
        attempts.sort(Comparator.comparingInt(SqlAttempt::attempt));
        return new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                r.askedAt(), r.replayOf(), r.schemaVersion(), r.translator(), r.llmCalls(), attempts, r.answer(),
                r.outcome(), r.timeline(), r.finishedAt(), r.events());
    }

    private static List<LlmCall> calls(List<LlmCall> calls, int attempt, List<LlmInteraction> interactions) {
        List<LlmCall> all = new ArrayList<>(calls.stream().filter(c -> c.attempt() != attempt).toList());
        interactions.forEach(i -> all.add(new LlmCall(attempt, i)));
        all.sort(Comparator.comparingInt(c -> c.attempt() == 0 ? Integer.MAX_VALUE : c.attempt()));
        return all;
    }

    private static AuditRecord withOutcome(AuditRecord r, Outcome outcome) {
        return new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                r.askedAt(), r.replayOf(), r.schemaVersion(), r.translator(), r.llmCalls(), r.attempts(), r.answer(),
                outcome, r.timeline(), r.finishedAt(), r.events());
    }

    private static AuditRecord withStep(AuditRecord r, Step step) {
        if (step.at() == null) {
            return r;
        }
        List<Step> steps = new ArrayList<>();
        boolean known = false;
        for (Step s : r.timeline()) {
            if (s.stage().equals(step.stage()) && s.what().equals(step.what())) {
                known = true;
                steps.add(step.at().isBefore(s.at()) ? step : s);
            } else {
                steps.add(s);
            }
        }
        if (!known) {
            steps.add(step);
        }
        steps.sort(Comparator.comparing(Step::at));
        return new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                r.askedAt(), r.replayOf(), r.schemaVersion(), r.translator(), r.llmCalls(), r.attempts(), r.answer(),
                r.outcome(), steps, r.finishedAt(), r.events());
    }

    private static AuditRecord with(AuditRecord r, long events) {
        return new AuditRecord(r.v(), r.queryId(), r.conversationId(), r.principal(), r.datasource(), r.question(),
                r.askedAt(), r.replayOf(), r.schemaVersion(), r.translator(), r.llmCalls(), r.attempts(), r.answer(),
                r.outcome(), r.timeline(), r.finishedAt(), events);
    }
}
