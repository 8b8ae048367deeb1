package io.dbchat.contracts.events;

import io.dbchat.contracts.errors.Problem;

/**
 * No rows for this question, and why: the translator could not write SQL, the guard refused it, or the
 * database failed it for good. {@code sql} and {@code translator} are null when no SQL was written.
 */
public record QueryRejected(
        int v,
        String queryId,
        QuestionAsked question,
        String sql,
        TranslatorInfo translator,
        Problem problem) implements QueryResult {

    public static final int VERSION = 1;

    public static QueryRejected of(QuestionAsked question, String sql, TranslatorInfo translator, Problem problem) {
        return new QueryRejected(VERSION, question.queryId(), question, sql, translator, problem);
    }

    public static QueryRejected of(SqlProposed proposal, Problem problem) {
        return of(proposal.question(), proposal.sql(), proposal.translator(), problem);
    }
}
