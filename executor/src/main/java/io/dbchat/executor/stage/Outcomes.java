package io.dbchat.executor.stage;

import io.dbchat.contracts.errors.ErrorCode;
import io.dbchat.contracts.errors.Problem;
import io.dbchat.contracts.events.PlanVerdict;
import io.dbchat.contracts.events.QueryAnswered;
import io.dbchat.contracts.events.QueryRejected;
import io.dbchat.contracts.events.SqlFailed;
import io.dbchat.contracts.events.SqlProposed;
import io.dbchat.executor.execution.ExecutionOutcome;
import java.time.Duration;
import java.util.Set;

/**
 * Turns an execution outcome into the event that carries it on: rows become QueryAnswered; errors in the
 * SQL itself (SQLSTATE classes 42 and 22) a SqlFailed the translator may retry on; a refused plan, timeouts,
 * refused access, attempted writes, an unreachable database (once {@link OutageRetry} gave up) and everything
 * else a final QueryRejected with a reason. A guard refusal of a name that is not there is a SqlFailed too. Each
 * carries the plan check's verdict: passed (with the planner's estimates), refused, or skipped and why.
 */
final class Outcomes {

    /** The guard's codes for names that are not there; see {@link #refused}. */
    static final Set<String> CORRECTABLE = Set.of("sql.table_not_allowed", "sql.column_not_allowed");

    private Outcomes() {
    }

    /** The plan check's verdict on a statement refused before it (by the guard, or for want of a schema). */
    static final PlanVerdict GUARD_FIRST = PlanVerdict.skipped("the statement was refused before it reached the plan check");

    /** The event for how the statement ended, carrying the plan check's verdict on it. */
    static Ran event(SqlProposed proposal, ExecutionOutcome outcome, Duration statementTimeout) {
        return switch (outcome) {
            case ExecutionOutcome.Rows r -> new Ran.Result(new QueryAnswered(QueryAnswered.VERSION, proposal.queryId(),
                    proposal, r.columns(), r.rows(), r.rows().size(), r.truncated(), r.execMs(), null, r.plan()));
            case ExecutionOutcome.Failed f -> withPlan(failure(proposal, f, statementTimeout), f.plan());
            case ExecutionOutcome.Refused r -> withPlan(rejected(proposal, r.problem()), r.plan());
        };
    }

    private static Ran withPlan(Ran ran, PlanVerdict verdict) {
        return switch (ran) {
            case Ran.Failed(SqlFailed f) -> new Ran.Failed(f.withPlanCheck(verdict));
            case Ran.Result(QueryRejected j) -> new Ran.Result(j.withPlanCheck(verdict));
            case Ran.Result(QueryAnswered a) -> new Ran.Result(a.withPlanCheck(verdict));
        };
    }

    static QueryRejected timeout(SqlProposed proposal, Duration statementTimeout) {
        return QueryRejected.of(proposal, ErrorCode.QUERY_TIMEOUT.problem(
                "The query took longer than " + seconds(statementTimeout) + " and was stopped."));
    }

    private static Ran failure(SqlProposed proposal, ExecutionOutcome.Failed f, Duration statementTimeout) {
        if (OutageRetry.unreachable(f)) {
            // the driver's message names the database's host and port: nothing a user should see
            return rejected(proposal, ErrorCode.UNAVAILABLE.problem(
                    "The database could not be reached for a while. Please ask again in a moment."));
        }
        String state = f.sqlState() == null ? "" : f.sqlState();
        return switch (state) {
            case "57014" -> new Ran.Result(timeout(proposal, statementTimeout));
            case "55P03", "25P03" -> rejected(proposal, ErrorCode.QUERY_TIMEOUT.problem(
                    "The query waited too long for the database and was stopped."));
            case "42501" -> rejected(proposal, ErrorCode.SQL_REJECTED.problem(
                    "The database refused access: " + f.message() + "."));
            default -> otherFailure(proposal, f, state);
        };
    }

    private static Ran otherFailure(SqlProposed proposal, ExecutionOutcome.Failed f, String state) {
        if (state.startsWith("25")) {
            // 25006 read_only_sql_transaction and its kin: the statement tried to write or to leave read-only.
            return rejected(proposal, ErrorCode.SQL_REJECTED.problem(
                    "The statement tried to change data or the transaction, and only reading is allowed."));
        }
        if (state.startsWith("42") || state.startsWith("22")) {
            return new Ran.Failed(SqlFailed.of(proposal, f.errorClass(), f.sqlState(), f.message()));
        }
        return rejected(proposal, ErrorCode.SQL_FAILED.problem("The query could not be run: "
                + f.message() + "."));
    }

    private static Ran rejected(SqlProposed proposal, Problem problem) {
        return new Ran.Result(QueryRejected.of(proposal, problem));
    }

    /**
     * A refusal of the proposal before it ran: a SqlFailed the translator may correct when the guard named a table or
     * column that is not published ({@link #CORRECTABLE}: the commonest slip of a model, which a second attempt with
     * the real names fixes), else a final QueryRejected with the guard's code. System catalogs, functions off the
     * allowlist, writes, locking and every other construct stay final: a further attempt cannot make them allowed.
     */
    static Checked refused(SqlProposed proposal, Problem problem) {
        return CORRECTABLE.contains(problem.code())
                ? new Checked.Correctable(SqlFailed.refused(proposal, problem).withPlanCheck(GUARD_FIRST))
                : new Checked.Refused(QueryRejected.of(proposal, problem).withPlanCheck(GUARD_FIRST));
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
