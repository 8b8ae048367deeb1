package io.dbchat.contracts.events;

import io.dbchat.contracts.errors.Problem;
import java.util.List;

/**
 * No rows for this question, and why: the translator could not write SQL, the guard refused it, or the
 * database failed it for good. {@code sql} and {@code translator} are null when no SQL was written.
 * {@code interactions} lists the model calls of a translator that gave up (each with its status and error);
 * it is empty when the rejection came from a later stage, and in events written before it existed.
 * {@code planCheck} is what the executor's plan check said of the SQL when the executor rejected it (null when the
 * executor never saw it, and in events written before it existed).
 */
public record QueryRejected(
        int v,
        String queryId,
        QuestionAsked question,
        String sql,
        TranslatorInfo translator,
        Problem problem,
        List<LlmInteraction> interactions,
        PlanVerdict planCheck) implements QueryResult {

    public static final int VERSION = 1;

    public QueryRejected {
        interactions = interactions == null ? List.of() : List.copyOf(interactions);
    }

    /** Without the plan check's verdict, as events were before it. */
    public QueryRejected(int v, String queryId, QuestionAsked question, String sql, TranslatorInfo translator,
                         Problem problem, List<LlmInteraction> interactions) {
        this(v, queryId, question, sql, translator, problem, interactions, null);
    }

    /** Without a list of model calls, as events were before it. */
    public QueryRejected(int v, String queryId, QuestionAsked question, String sql, TranslatorInfo translator,
                         Problem problem) {
        this(v, queryId, question, sql, translator, problem, List.of());
    }

    public static QueryRejected of(QuestionAsked question, String sql, TranslatorInfo translator, Problem problem) {
        return of(question, sql, translator, problem, List.of());
    }

    public static QueryRejected of(QuestionAsked question, String sql, TranslatorInfo translator, Problem problem,
                                   List<LlmInteraction> interactions) {
        return new QueryRejected(VERSION, question.queryId(), question, sql, translator, problem, interactions);
    }

    public static QueryRejected of(SqlProposed proposal, Problem problem) {
        return of(proposal.question(), proposal.sql(), proposal.translator(), problem);
    }

    /** The same rejection, with the plan check's verdict on its SQL. */
    public QueryRejected withPlanCheck(PlanVerdict verdict) {
        return new QueryRejected(v, queryId, question, sql, translator, problem, interactions, verdict);
    }
}
